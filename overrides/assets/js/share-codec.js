// The share-link codec, pure (no DOM, no storage; loads under Node as it is, tests/node/): an
// assessment's export packed into a short form, compressed ("deflate"), encrypted with a passphrase
// when one is set (PBKDF2-SHA256, AES-GCM), written as base64url after "tf1." or "tf1e.". Decoding
// checks what it unpacks with the store's own checks of an export file (store-copies.js).

/**
 * @param {TFRubric & { areas: TFArea[] }} rubric the whole rubric (tf-rubric.js): its order and
 *   indicators, in order
 * @param {Store} store the store, with store-copies.js's checks by the time a link is decoded
 * @param {(problems: string[]) => string} summary problems in a sentence, as the page says them
 */
// eslint-disable-next-line max-lines-per-function -- a module wrapper: this file's scope
function shareCodec(rubric, store, summary) {
  "use strict";
  const core = { store, summary }; // as share.js named them
  const PLAIN = "tf1.",
    LOCKED = "tf1e.";
  const ROUNDS = 600000; // PBKDF2-SHA256, OWASP's 2023 figure
  const LIMIT = 2000; // longer links get cut by some mail and chat programs
  const ORDER = rubric.areas.flatMap((a) =>
    a.elements.flatMap((e) => e.indicators.map((i) => i.id)),
  );
  const KNOWN = new Set(ORDER);
  const utf8 = new TextEncoder(),
    text = new TextDecoder("utf-8", { fatal: true });

  // A refusal the reader sees as is.
  class LinkError extends Error {}

  /** @param {Uint8Array<ArrayBuffer>} bytes */
  function b64(bytes) {
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  /** @param {string} s */
  function unb64(s) {
    if (!/^[A-Za-z0-9_-]*$/.test(s))
      throw new LinkError("it holds characters a link of this site never has");
    try {
      return Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    } catch {
      throw new LinkError("it is cut off");
    }
  }
  /** @param {Uint8Array<ArrayBuffer>} bytes @param {CompressionStream | DecompressionStream} stream */
  const through = (bytes, stream) => new Blob([bytes]).stream().pipeThrough(stream);
  // "deflate" is zlib's format: its Adler-32 checksum makes an altered or cut link fail to inflate
  // instead of opening with changed answers ("deflate-raw" would be 6 bytes shorter, unchecked).
  /** @param {Uint8Array<ArrayBuffer>} bytes */
  async function deflate(bytes) {
    return new Uint8Array(
      await new Response(through(bytes, new CompressionStream("deflate"))).arrayBuffer(),
    );
  }
  // Capped: a few bytes of link must not expand into gigabytes.
  /** @param {Uint8Array<ArrayBuffer>} bytes */
  async function inflate(bytes) {
    const reader = through(bytes, new DecompressionStream("deflate")).getReader(),
      chunks = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if ((size += value.length) > core.store.LIMITS.fileBytes) {
          reader.cancel();
          throw new LinkError(`it expands to over ${core.store.LIMITS.fileBytes / 1e6} MB`);
        }
        chunks.push(value);
      }
      return text.decode(await new Blob(chunks).arrayBuffer());
    } catch (e) {
      throw e instanceof LinkError ? e : new LinkError("it is damaged or cut off");
    }
  }
  /** @param {string} pass @param {Uint8Array<ArrayBuffer>} salt */
  async function key(pass, salt) {
    if (!crypto.subtle)
      throw new LinkError("this page is not served securely (https), which encryption needs");
    const base = await crypto.subtle.importKey(
      "raw",
      utf8.encode(pass.normalize("NFC")),
      "PBKDF2",
      false,
      ["deriveKey"],
    );
    return crypto.subtle.deriveKey(
      { name: "PBKDF2", salt, iterations: ROUNDS, hash: "SHA-256" },
      base,
      { name: "AES-GCM", length: 256 },
      false,
      ["encrypt", "decrypt"],
    );
  }

  // Ticks travel as one bit per indicator in roadmap order; ids the roadmap does not know, by name.
  // An action travels as an array in this order: the link's own format, fixed so that links
  // already sent keep opening whatever order the store declares its fields in.
  /** @type {(keyof ExportedAction)[]} */
  const ACTION_KEYS = ["id", "element", "text", "owner", "due", "status", "indicators", "created"];
  /** @param {ExportData} data @param {boolean} notes whether notes and people's names travel */
  function pack(data, notes) {
    const x = data.assessment,
      on = new Set(x.ticked),
      bits = new Uint8Array(Math.ceil(ORDER.length / 8));
    ORDER.forEach((id, n) => {
      if (on.has(id)) bits[n >> 3] |= 1 << (n & 7);
    });
    const e = Object.create(null); // element ids are data
    for (const [id, v] of Object.entries(x.elements)) {
      // Every field the export carries (it leaves empty optional ones out); notes only if asked.
      const w = { ...v, notes: notes ? v.notes : "" };
      if (Object.entries(w).some(([k, value]) => (k === "stage" ? value != null : !!value)))
        e[id] = w;
    }
    // The plan travels too, empty or not, so that an empty one is told from one not carried;
    // owners and who took part are people's names: only with the notes (h: held back).
    /** @type {Record<string, unknown>} */
    const plan = { f: x.taskForce || "" };
    plan.a = (x.actions || []).map((y) =>
      ACTION_KEYS.map((k) => (k === "owner" && !notes ? "" : y[k])),
    );
    if (notes) plan.p = x.people || "";
    else plan.h = 1;
    return {
      ...plan,
      o: rubric.order,
      r: data.rubric,
      x: data.exported,
      i: x.id,
      n: x.name,
      c: x.created,
      b: b64(bits),
      u: x.ticked.filter((id) => !KNOWN.has(id)),
      e,
    };
  }
  /** @param {any} p what a link holds, parsed; checked here @returns {ExportData} */
  function unpack(p) {
    if (!core.store.isObj(p) || typeof p.b !== "string" || !Array.isArray(p.u))
      throw new LinkError("it is not a results link of this site");
    if (p.o !== rubric.order)
      throw new LinkError(
        "it was made with a version of the roadmap whose indicators differ from this one; ask the sender for a JSON export instead",
      );
    const bits = unb64(p.b);
    if (bits.length !== Math.ceil(ORDER.length / 8)) throw new LinkError("it is damaged");
    const ticked = ORDER.filter((id, n) => (bits[n >> 3] >> (n & 7)) & 1)
      .concat(p.u)
      .sort();
    // The store's own export file around what the link holds (store-copies.js, here by now).
    const { envelope, validateExport } = /** @type {Required<Store>} */ (core.store);
    const data = envelope(p.r, p.x, { id: p.i, name: p.n, created: p.c, ticked, elements: p.e });
    // What is empty is left out, as an export file leaves it out.
    if (Array.isArray(p.a) && p.a.length)
      data.assessment.actions = p.a.map((y) =>
        Array.isArray(y) ? Object.fromEntries(ACTION_KEYS.map((k, n) => [k, y[n]])) : y,
      );
    if (core.store.own(p, "f") && p.f !== "") data.assessment.taskForce = p.f;
    if (core.store.own(p, "p") && p.p !== "") data.assessment.people = p.p;
    const problems = validateExport(data);
    if (problems.length)
      throw new LinkError(
        `it does not hold results this site can read (${core.summary(problems)})`,
      );
    /** @type {Required<Store>} */ (core.store).leaveOut(data, leftOut(p, data));
    return data;
  }
  /**
   * What a link does not carry, which an import over the same assessment keeps (store-copies.js).
   * Links made before the h mark: without who took part, notes and owners count as held back when
   * none of them travelled (a link with notes of someone who wrote none loses nothing by it).
   * @param {any} p what the link holds @param {ExportData} data it, read
   * @returns {LeftOut[]}
   */
  function leftOut(p, data) {
    const own = core.store.own,
      x = data.assessment;
    const held =
      p.h === 1 ||
      (p.h === undefined &&
        !own(p, "p") &&
        Object.values(x.elements).every((v) => !v.notes) &&
        (x.actions || []).every((y) => !y.owner));
    /** @type {LeftOut[]} */
    const out = held ? ["notes", "owners", "people"] : own(p, "p") ? [] : ["people"];
    if (!own(p, "f")) out.push("taskForce");
    if (!own(p, "a")) out.push("actions");
    return out;
  }

  /** @param {ExportData} data @param {boolean} notes @param {string} pass "" for none */
  async function encode(data, notes, pass) {
    const bytes = await deflate(utf8.encode(JSON.stringify(pack(data, notes))));
    if (!pass) return PLAIN + b64(bytes);
    const salt = crypto.getRandomValues(new Uint8Array(16)),
      iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await key(pass, salt), bytes),
    );
    const all = new Uint8Array(28 + sealed.length);
    all.set(salt);
    all.set(iv, 16);
    all.set(sealed, 28);
    return LOCKED + b64(all);
  }
  /** @param {string} frag */
  const locked = (frag) => frag.startsWith(LOCKED);
  /** @param {string} frag @param {string} pass @returns {Promise<ExportData>} */
  async function decode(frag, pass) {
    let bytes;
    if (frag.startsWith(PLAIN)) bytes = unb64(frag.slice(PLAIN.length));
    else if (locked(frag)) {
      const all = unb64(frag.slice(LOCKED.length));
      if (all.length < 28 + 16) throw new LinkError("it is cut off");
      try {
        bytes = new Uint8Array(
          await crypto.subtle.decrypt(
            { name: "AES-GCM", iv: all.slice(16, 28) },
            await key(pass, all.slice(0, 16)),
            all.slice(28),
          ),
        );
      } catch (e) {
        if (e instanceof LinkError) throw e;
        throw new LinkError(
          "the passphrase does not open it (or the link is damaged). Check the passphrase with the sender and try again",
        );
      }
    } else throw new LinkError("it is not a results link of this site");
    let packed;
    try {
      packed = JSON.parse(await inflate(bytes));
    } catch (e) {
      throw e instanceof LinkError ? e : new LinkError("it is damaged");
    }
    return unpack(packed);
  }

  return { PLAIN, LOCKED, LIMIT, ACTION_KEYS, LinkError, pack, unpack, encode, decode, locked };
}

// A global in a browser's classic script already; under Node's require, made one.
Object.assign(globalThis, { shareCodec });
