// Accounts, for administrators: list, issue (no sign-up exists), lock and unlock, reset a password;
// and the signed-in user's own password change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { meKey } from "./queries.ts";
import type { Body, Json } from "./schema.ts";

export type UserAccount = Json<"/api/users">["items"][number];
export type NewUserInput = Body<"/api/users", "post">;

const enc = encodeURIComponent;
const key = ["users"] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Json<"/api/users">>("/api/users", { signal }),
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
    api<Json<"/api/users", "post">>("/api/users", { method: "POST", body: input }),
  );

export const useSetUserDisabled = () =>
  useUserMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    api<Json<"/api/users/{userId}/disabled", "put">>(`/api/users/${enc(id)}/disabled`, {
      method: "PUT",
      body: { disabled },
    }),
  );

/** An administrator's reset: the answer carries the temporary password, shown once. */
export const useResetPassword = () =>
  useUserMutation((id: string) =>
    api<Json<"/api/users/{userId}/password-reset", "post">>(`/api/users/${enc(id)}/password-reset`, {
      method: "POST",
    }),
  );

/** The signed-in user's own change; the account (mustChangePassword) is read again after it. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/api/auth/password", "post">) =>
      api<Json<"/api/auth/password", "post">>("/api/auth/password", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
}
