import { readLeadIn } from "./proseAgency.ts";
import { findDeadline } from "./proseDeadline.ts";
import { isGenericAgency } from "./proseNames.ts";
import { folded } from "./proseText.ts";

/**
 * The closing courtesy of a letter or notice: after the last item, the issuer asks everyone it
 * addresses to report difficulties ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề
 * nghị các cơ quan, đơn vị phản ánh về Sở … để phối hợp giải quyết./.") or to take care of the
 * whole ("Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./."). It assigns no work of its
 * own, only follows up on the items above, so it is read as no task.
 */

/** "nếu có khó khăn, vướng mắc", "trường hợp phát sinh vướng mắc": work only on a condition. */
const DIFFICULTY =
  /\b(?:neu|truong hop|khi|trong truong hop)\s+(?:co\s+|gap\s+|phat sinh\s+|xay ra\s+)*(?:kho khan|vuong mac|bat cap|van de phat sinh|van de moi phat sinh)/;

/**
 * The formula that closes a directive: "… (phối hợp) thực hiện./.", "… biết, thực hiện./.", the
 * "/." left out where the signature block follows ("Thông báo để các cơ quan, đơn vị biết, thực hiện.").
 */
const FORMULA_END =
  /\b(?:thuc hien|trien khai|phoi hop|quan tam|biet|to chuc thuc hien|chi dao thuc hien)(?: nghiem tuc)?\s*\.(?:\/\.?)?$/;

/** The issuer speaking to all it addresses rather than giving one of them work. */
const TO_EVERYONE = /\b(?:de nghi|kinh de nghi|yeu cau|mong|thong bao (?:de|cho))\s+(?:cac|quy)\b/;

export function isClosingCourtesy(text: string, year?: number): boolean {
  const f = folded(text.trim());
  if (DIFFICULTY.test(f)) return true;
  if (!FORMULA_END.test(f) || !TO_EVERYONE.test(f) || text.length > 300) return false;
  if (findDeadline(text, year) !== null) return false;
  // A named agency ("Đề nghị Sở Tài chính … thực hiện./.") is work given to it.
  return readLeadIn(text).leads.every(isGenericAgency);
}

/** The issuer's request, after its subject ("Thường trực Tỉnh ủy đề nghị các …"). */
const REQUEST = /\b(?:de nghi|kinh de nghi)\s+(?=(?:cac|quy)\b)/;

/** The document itself: "… thực hiện Thông báo kết luận này", "… Kế hoạch này". */
const THIS_DOCUMENT =
  /\b(?:thong bao(?: ket luan)?|ket luan|ke hoach|chi thi|nghi quyet|quyet dinh|cong van|van ban)\s+nay\b/;

/**
 * The closing item of a notice, numbered or not: the issuer asks everyone it addresses (only
 * groups, no body by name) to carry out the document itself, at most reporting on a rhythm
 * ("Thường trực Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng, cơ quan, đơn vị nghiêm túc quán triệt,
 * triển khai thực hiện Thông báo kết luận này; định kỳ báo cáo kết quả …"). The work is the
 * items above it; a request with a date of its own ("… xây dựng kế hoạch, hoàn thành trước
 * ngày …") is work and stays.
 */
export function isRequestToEveryone(text: string, year?: number): boolean {
  const f = folded(text.trim());
  const request = REQUEST.exec(f);
  if (!request || !THIS_DOCUMENT.test(f) || text.length > 400) return false;
  const found = findDeadline(text, year);
  if (found && !(found.deadline.kind === "recurring" && found.deadline.due === null)) return false;
  const addressees = readLeadIn(
    text.slice(request.index + request[0].length).replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
  ).leads;
  return addressees.length > 0 && addressees.every(isGenericAgency);
}

/**
 * Drops the courtesy paragraphs that end a body: after every item, read from the last paragraph
 * back until one gives work; unnumbered ones by isClosingCourtesy, numbered ones only when they
 * ask everyone to carry out the document.
 */
export function withoutClosing<T extends { text: string }>(
  paras: T[],
  unnumbered: (para: T) => boolean,
  year?: number,
): T[] {
  let end = paras.length;
  const closing = (para: T) =>
    unnumbered(para) ? isClosingCourtesy(para.text, year) : isRequestToEveryone(para.text, year);
  while (end > 1 && closing(paras[end - 1]!)) end--;
  return end === paras.length ? paras : paras.slice(0, end);
}
