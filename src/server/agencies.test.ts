import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import { resolveAgencyNames } from "../queries/agencies.ts";
import { login, multipart, type TrackingApp, trackingApp } from "../testing/tracking.ts";

let demo: TrackingApp;
let app: FastifyInstance;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  demo = await trackingApp();
  app = demo.app;
  admin = await login(app, "admin");
  coordinator = await login(app, "vanphong");
});
afterAll(() => demo.close());

function upload(cookie: string, fileName: string, content: Buffer) {
  const body = multipart({}, [
    { field: "file", name: fileName, type: "application/octet-stream", bytes: content },
  ]);
  return app.inject({
    method: "POST",
    url: "/api/agencies/import",
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

describe("agency directory", () => {
  it("lists the tree with aliases and groups", async () => {
    const items = (await app.inject({ url: "/api/agencies", headers: { cookie: coordinator } })).json().items;
    expect(items).toHaveLength(lamDongAgencies.length);
    const science = items.find((a: { name: string }) => a.name === "Sở Khoa học và Công nghệ");
    expect(science.shortName).toBe("Sở KH&CN");
    const party = items.find((a: { name: string }) => a.name === "Tỉnh ủy Lâm Đồng");
    expect(party.aliases.map((a: { alias: string }) => a.alias)).toEqual(["Tỉnh ủy"]);
    const communes = items.find((a: { name: string }) => a.name === "UBND cấp xã");
    expect(communes.isGroup).toBe(true);
    expect(communes.group.levels).toEqual(["commune"]);
  });

  for (const format of ["csv", "xlsx"] as const) {
    it(`exports as ${format} and imports the same file back without duplicates`, async () => {
      const exported = await app.inject({
        url: `/api/agencies/export?format=${format}`,
        headers: { cookie: admin },
      });
      expect(exported.statusCode).toBe(200);
      if (format === "csv") expect(exported.body).toContain("Sở Văn hóa, Thể thao và Du lịch");
      const imported = await upload(admin, `danh-muc.${format}`, exported.rawPayload);
      expect(imported.json()).toEqual({ count: lamDongAgencies.length });
      const items = (await app.inject({ url: "/api/agencies", headers: { cookie: admin } })).json().items;
      expect(items).toHaveLength(lamDongAgencies.length);
      const communes = items.find((a: { name: string }) => a.name === "Các Trường Đại học trên địa bàn tỉnh");
      expect(communes.group.memberIds).toHaveLength(2);
    });
  }

  it("adds agencies from a file and names the row of a bad value", async () => {
    const csv = Buffer.from(
      'Mã,"Tên cơ quan, đơn vị",Cấp,Mã cơ quan cấp trên,Tên gọi khác\nx-bao-lam,Xã Bảo Lâm,Xã,ubnd-tinh,"UBND xã Bảo Lâm; Xã Bảo Lâm 1"\n',
    );
    expect((await upload(admin, "them.csv", csv)).json()).toEqual({ count: 1 });
    const resolved = await resolveAgencyNames(demo.db, demo.tenantId, ["UBND xã Bảo Lâm"]);
    expect(resolved.size).toBe(1);

    const bad = Buffer.from('Mã,"Tên cơ quan, đơn vị",Cấp\nx-1,Xã Một,Xã\nx-2,Xã Hai,Vũ trụ\n');
    const response = await upload(admin, "sai.csv", bad);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "directory_bad_level",
      message: expect.stringContaining("Dòng 3"),
    });
    const unchanged = await resolveAgencyNames(demo.db, demo.tenantId, ["Xã Một"]);
    expect(unchanged.size).toBe(0);
  });

  it("lets only administrators edit the directory, and the standing office add aliases", async () => {
    const body = { name: "Sở Ngoại vụ", level: "department" };
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/agencies",
          headers: { cookie: coordinator },
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    const created = await app.inject({
      method: "POST",
      url: "/api/agencies",
      headers: { cookie: admin },
      payload: body,
    });
    expect(created.statusCode).toBe(200);
    const again = await app.inject({
      method: "POST",
      url: "/api/agencies",
      headers: { cookie: admin },
      payload: { ...body, name: "SỞ NGOẠI VỤ" },
    });
    expect(again.statusCode).toBe(409);

    const id = created.json().id;
    const alias = await app.inject({
      method: "POST",
      url: `/api/agencies/${id}/aliases`,
      headers: { cookie: coordinator },
      payload: { alias: "Sở NgV" },
    });
    expect(alias.json()).toEqual({ created: true });
    expect((await resolveAgencyNames(demo.db, demo.tenantId, ["sở ngv"])).get("so ngv")?.id).toBe(id);
    const taken = await app.inject({
      method: "POST",
      url: `/api/agencies/${id}/aliases`,
      headers: { cookie: coordinator },
      payload: { alias: "Sở Tài chính" },
    });
    expect(taken.statusCode).toBe(409);
  });

  it("refuses to make an agency its own ancestor, by the form or by a file", async () => {
    const save = (id: string, payload: Record<string, unknown>) =>
      app.inject({ method: "PUT", url: `/api/agencies/${id}`, headers: { cookie: admin }, payload });
    const csv = Buffer.from(
      'Mã,"Tên cơ quan, đơn vị",Cấp,Mã cơ quan cấp trên\nx-cha,Xã Cha,Xã,ubnd-tinh\nx-con,Thôn Con,Xã,x-cha\nx-chau,Thôn Cháu,Xã,x-con\n',
    );
    expect((await upload(admin, "cay.csv", csv)).json()).toEqual({ count: 3 });
    const items = (await app.inject({ url: "/api/agencies", headers: { cookie: admin } })).json().items as {
      id: string;
      code: string;
      parentId: string | null;
    }[];
    const byCode = (code: string) => items.find((a) => a.code === code)!;
    const [father, grandchild] = [byCode("x-cha"), byCode("x-chau")];

    // The form: "Xã Cha" under its own grandchild.
    const looped = await save(father.id, {
      name: "Xã Cha",
      code: "x-cha",
      level: "commune",
      parentId: grandchild.id,
    });
    expect(looped.statusCode, looped.body).toBe(400);
    expect(looped.json()).toMatchObject({
      code: "agency_parent_cycle",
      message: expect.stringContaining("Thôn Cháu"),
    });
    const self = await save(father.id, {
      name: "Xã Cha",
      code: "x-cha",
      level: "commune",
      parentId: father.id,
    });
    expect(self.statusCode).toBe(400);

    // A file that lists only "Xã Cha", under its grandchild: the loop closes through the database.
    const file = Buffer.from('Mã,"Tên cơ quan, đơn vị",Cấp,Mã cơ quan cấp trên\nx-cha,Xã Cha,Xã,x-chau\n');
    const imported = await upload(admin, "vong.csv", file);
    expect(imported.statusCode, imported.body).toBe(400);
    expect(imported.json().code).toBe("directory_cycle");

    const after = (await app.inject({ url: "/api/agencies", headers: { cookie: admin } })).json().items as {
      id: string;
      parentId: string | null;
    }[];
    expect(after.find((a) => a.id === father.id)?.parentId).toBe(father.parentId);
    // Moving it elsewhere in the tree still works.
    const moved = await save(grandchild.id, {
      name: "Thôn Cháu",
      code: "x-chau",
      level: "commune",
      parentId: father.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });
});
