/**
 * How far an extraction has got, for a file that takes long to read: today only the OCR of a
 * scanned PDF, page by page. Sent from the extraction worker to whoever started the extraction.
 */
export interface ExtractionProgress {
  stage: "ocr";
  /** Pages read so far, of `total`. */
  done: number;
  total: number;
}

export type OnProgress = (progress: ExtractionProgress) => void;
