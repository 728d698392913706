// antd's icons tell screen readers their English names ("edit", "plus", "bell"), read before the
// Vietnamese text of the button they sit in. Imported from here, every icon is decorative, hidden
// from assistive technology unless given an aria-label; a button showing only an icon carries its own Vietnamese aria-label.
// An icon not listed yet: add it below (the app imports icons only from this file; biome.json).
import {
  BellOutlined as AntBellOutlined,
  CalendarOutlined as AntCalendarOutlined,
  CameraOutlined as AntCameraOutlined,
  CheckCircleOutlined as AntCheckCircleOutlined,
  CheckOutlined as AntCheckOutlined,
  ClearOutlined as AntClearOutlined,
  ClockCircleOutlined as AntClockCircleOutlined,
  CloseOutlined as AntCloseOutlined,
  CommentOutlined as AntCommentOutlined,
  CopyOutlined as AntCopyOutlined,
  DeleteOutlined as AntDeleteOutlined,
  DownloadOutlined as AntDownloadOutlined,
  DownOutlined as AntDownOutlined,
  EditOutlined as AntEditOutlined,
  ExclamationCircleOutlined as AntExclamationCircleOutlined,
  FileOutlined as AntFileOutlined,
  FilePdfOutlined as AntFilePdfOutlined,
  FileTextOutlined as AntFileTextOutlined,
  FilterOutlined as AntFilterOutlined,
  FormOutlined as AntFormOutlined,
  InboxOutlined as AntInboxOutlined,
  KeyOutlined as AntKeyOutlined,
  LinkOutlined as AntLinkOutlined,
  LoadingOutlined as AntLoadingOutlined,
  LockOutlined as AntLockOutlined,
  LogoutOutlined as AntLogoutOutlined,
  MenuOutlined as AntMenuOutlined,
  MergeCellsOutlined as AntMergeCellsOutlined,
  MoreOutlined as AntMoreOutlined,
  PlusOutlined as AntPlusOutlined,
  PrinterOutlined as AntPrinterOutlined,
  ReloadOutlined as AntReloadOutlined,
  RollbackOutlined as AntRollbackOutlined,
  SafetyCertificateOutlined as AntSafetyCertificateOutlined,
  SafetyOutlined as AntSafetyOutlined,
  SaveOutlined as AntSaveOutlined,
  ScissorOutlined as AntScissorOutlined,
  SearchOutlined as AntSearchOutlined,
  SendOutlined as AntSendOutlined,
  SwapOutlined as AntSwapOutlined,
  UndoOutlined as AntUndoOutlined,
  UnlockOutlined as AntUnlockOutlined,
  UploadOutlined as AntUploadOutlined,
  UserOutlined as AntUserOutlined,
  WarningOutlined as AntWarningOutlined,
} from "@ant-design/icons";
import type { AntdIconProps } from "@ant-design/icons/es/components/AntdIcon";
import type { ComponentType } from "react";

function decorative(Icon: ComponentType<AntdIconProps>): ComponentType<AntdIconProps> {
  // An icon given its own label (a warning sign standing alone) stays readable.
  const Decorative = (props: AntdIconProps) => <Icon aria-hidden={!props["aria-label"]} {...props} />;
  Decorative.displayName = Icon.displayName;
  return Decorative;
}

export const BellOutlined = decorative(AntBellOutlined);
export const CalendarOutlined = decorative(AntCalendarOutlined);
export const CheckCircleOutlined = decorative(AntCheckCircleOutlined);
export const CheckOutlined = decorative(AntCheckOutlined);
export const ClearOutlined = decorative(AntClearOutlined);
export const ClockCircleOutlined = decorative(AntClockCircleOutlined);
export const CloseOutlined = decorative(AntCloseOutlined);
export const CommentOutlined = decorative(AntCommentOutlined);
export const CopyOutlined = decorative(AntCopyOutlined);
export const DeleteOutlined = decorative(AntDeleteOutlined);
export const DownOutlined = decorative(AntDownOutlined);
export const DownloadOutlined = decorative(AntDownloadOutlined);
export const EditOutlined = decorative(AntEditOutlined);
export const ExclamationCircleOutlined = decorative(AntExclamationCircleOutlined);
export const FileOutlined = decorative(AntFileOutlined);
export const FileTextOutlined = decorative(AntFileTextOutlined);
export const FilterOutlined = decorative(AntFilterOutlined);
export const FormOutlined = decorative(AntFormOutlined);
export const InboxOutlined = decorative(AntInboxOutlined);
export const KeyOutlined = decorative(AntKeyOutlined);
export const LoadingOutlined = decorative(AntLoadingOutlined);
export const LinkOutlined = decorative(AntLinkOutlined);
export const LockOutlined = decorative(AntLockOutlined);
export const LogoutOutlined = decorative(AntLogoutOutlined);
export const MergeCellsOutlined = decorative(AntMergeCellsOutlined);
export const MoreOutlined = decorative(AntMoreOutlined);
export const PlusOutlined = decorative(AntPlusOutlined);
export const ReloadOutlined = decorative(AntReloadOutlined);
export const RollbackOutlined = decorative(AntRollbackOutlined);
export const SafetyCertificateOutlined = decorative(AntSafetyCertificateOutlined);
export const SafetyOutlined = decorative(AntSafetyOutlined);
export const SaveOutlined = decorative(AntSaveOutlined);
export const ScissorOutlined = decorative(AntScissorOutlined);
export const SearchOutlined = decorative(AntSearchOutlined);
export const SendOutlined = decorative(AntSendOutlined);
export const SwapOutlined = decorative(AntSwapOutlined);
export const UndoOutlined = decorative(AntUndoOutlined);
export const UnlockOutlined = decorative(AntUnlockOutlined);
export const UploadOutlined = decorative(AntUploadOutlined);
export const UserOutlined = decorative(AntUserOutlined);
export const WarningOutlined = decorative(AntWarningOutlined);
export const CameraOutlined = decorative(AntCameraOutlined);
export const MenuOutlined = decorative(AntMenuOutlined);
export const PrinterOutlined = decorative(AntPrinterOutlined);
export const FilePdfOutlined = decorative(AntFilePdfOutlined);
