// Accounts, for administrators: list, issue (no sign-up exists), lock and unlock.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
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
