// Accounts, for administrators: list, issue (no sign-up exists), lock and unlock.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Role } from "./types.ts";

export const ROLES: Role[] = ["admin", "coordinator", "leader", "agency_officer", "agency_head"];

/** Roles that belong to one agency: the account must name it. */
export const AGENCY_ROLES: Role[] = ["agency_officer", "agency_head"];

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  agencyId: string | null;
  agencyName: string | null;
  disabled: boolean;
  /** ISO timestamp, or null if the account has never logged in. */
  lastLoginAt: string | null;
  createdAt: string;
  roles: Role[];
}

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  roles: Role[];
  agencyId?: string | null;
}

const enc = encodeURIComponent;
const key = ["users"] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<{ items: UserAccount[] }>("/api/users", { signal }),
    select: (data) => data.items,
    enabled,
  });
}

function useUserMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const useCreateUser = () =>
  useUserMutation((input: NewUserInput) =>
    api<{ id: string; username: string }>("/api/users", { method: "POST", body: input }),
  );

export const useSetUserDisabled = () =>
  useUserMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    api<{ ok: true }>(`/api/users/${enc(id)}/disabled`, { method: "PUT", body: { disabled } }),
  );
