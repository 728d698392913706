// Logins' second factor and its settings: the TOTP step of a login, each user's own enrolment,
// and the administrators' choice of which roles must use it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { meKey } from "./queries.ts";
import type { Body, Json } from "./schema.ts";

export type LoginResult = Json<"/api/auth/login", "post">;
export type SecuritySettings = Json<"/api/security/settings">;

const settingsKey = ["security-settings"] as const;

/** The second step of a login: a code from the authenticator app, or a recovery code. */
export function useLoginTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/api/auth/login/totp", "post">) =>
      api<Json<"/api/auth/login/totp", "post">>("/api/auth/login/totp", { method: "POST", body: input }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export const useBeginTotpEnrolment = () =>
  useMutation({
    mutationFn: () =>
      api<Json<"/api/me/totp/enrolment", "post">>("/api/me/totp/enrolment", { method: "POST" }),
  });

/** Confirming or turning off changes what /api/me says (and what the TOTP gate lets through). */
function useMeMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
}

export const useConfirmTotpEnrolment = () =>
  useMeMutation((input: Body<"/api/me/totp/confirmation", "post">) =>
    api<Json<"/api/me/totp/confirmation", "post">>("/api/me/totp/confirmation", {
      method: "POST",
      body: input,
    }),
  );

export const useDisableTotp = () =>
  useMeMutation((input: Body<"/api/me/totp/disable", "post">) =>
    api<Json<"/api/me/totp/disable", "post">>("/api/me/totp/disable", { method: "POST", body: input }),
  );

export function useSecuritySettings(enabled = true) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api<SecuritySettings>("/api/security/settings", { signal }),
    enabled,
  });
}

export function useSaveSecuritySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/api/security/settings", "put">) =>
      api<SecuritySettings>("/api/security/settings", { method: "PUT", body: input }),
    onSuccess: (data) => {
      client.setQueryData(settingsKey, data);
      return client.invalidateQueries({ queryKey: meKey });
    },
  });
}

/** An administrator removes a user's authenticator (lost phone, no recovery code left). */
export const useResetUserTotp = () =>
  useMutation({
    mutationFn: (userId: string) =>
      api<Json<"/api/users/{userId}/totp/reset", "post">>(
        `/api/users/${encodeURIComponent(userId)}/totp/reset`,
        { method: "POST" },
      ),
  });
