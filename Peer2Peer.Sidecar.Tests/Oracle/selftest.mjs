#!/usr/bin/env node
// Self-test of oracle.mjs against the test vectors of docs/SIAD.md §11 and against an independent
// re-implementation (in this file) of the Sia v1 encoding (§4), IDs (§5.4) and SigHash (§6.3).
// Runs the real CLI (`node oracle.mjs`, request on stdin) once for all cases.
// Exit code 0 = all checks passed; 1 = a mismatch (listed on stderr); 2 = the oracle failed.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- BLAKE2b-256 (RFC 7693)
const M64 = (1n << 64n) - 1n;
const IV = [0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
  0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n];
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0]];
const rotr = (x, n) => ((x >> n) | (x << (64n - n))) & M64;
function blake2b256(data) {
  const h = IV.slice();
  h[0] ^= 0x01010000n ^ 32n;
  const nBlocks = Math.max(1, Math.ceil(data.length / 128));
  for (let b = 0; b < nBlocks; b++) {
    const last = b === nBlocks - 1;
    const block = Buffer.alloc(128);
    data.copy(block, 0, b * 128, Math.min(data.length, b * 128 + 128));
    const m = Array.from({ length: 16 }, (_, i) => block.readBigUInt64LE(i * 8));
    const t = BigInt(last ? data.length : (b + 1) * 128);
    const v = [...h, ...IV];
    v[12] ^= t & M64; v[13] ^= t >> 64n;
    if (last) v[14] ^= M64;
    const G = (a, b2, c, d, x, y) => {
      v[a] = (v[a] + v[b2] + x) & M64; v[d] = rotr(v[d] ^ v[a], 32n);
      v[c] = (v[c] + v[d]) & M64; v[b2] = rotr(v[b2] ^ v[c], 24n);
      v[a] = (v[a] + v[b2] + y) & M64; v[d] = rotr(v[d] ^ v[a], 16n);
      v[c] = (v[c] + v[d]) & M64; v[b2] = rotr(v[b2] ^ v[c], 63n);
    };
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10];
      G(0, 4, 8, 12, m[s[0]], m[s[1]]); G(1, 5, 9, 13, m[s[2]], m[s[3]]);
      G(2, 6, 10, 14, m[s[4]], m[s[5]]); G(3, 7, 11, 15, m[s[6]], m[s[7]]);
      G(0, 5, 10, 15, m[s[8]], m[s[9]]); G(1, 6, 11, 12, m[s[10]], m[s[11]]);
      G(2, 7, 8, 13, m[s[12]], m[s[13]]); G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }
  const out = Buffer.alloc(64);
  h.forEach((x, i) => out.writeBigUInt64LE(x, i * 8));
  return out.subarray(0, 32);
}
const H = (...parts) => blake2b256(Buffer.concat(parts));

// ---------------------------------------------------------------- reference v1 encoder (SIAD.md §4)
const u64 = n => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n ?? 0)); return b; };
const bool = x => Buffer.from([x ? 1 : 0]);
const lst = (xs, f) => Buffer.concat([u64((xs ?? []).length), ...(xs ?? []).map(f)]);
const hex32 = s => { const b = Buffer.from(s, 'hex'); if (b.length !== 32) throw new Error('bad hash ' + s); return b; };
const addr = s => { if (s.length !== 76) throw new Error('bad address ' + s); return hex32(s.slice(0, 64)); };
function cur(v) {
  let n = BigInt(v), hx = n === 0n ? '' : n.toString(16);
  if (hx.length % 2) hx = '0' + hx;
  const b = Buffer.from(hx, 'hex');
  return Buffer.concat([u64(b.length), b]);
}
function spec(name) { const b = Buffer.alloc(16); b.write(name, 'latin1'); return b; }
function unlockKey(s) { const i = s.lastIndexOf(':'); const k = Buffer.from(s.slice(i + 1), 'hex'); return Buffer.concat([spec(s.slice(0, i)), u64(k.length), k]); }
const uc = c => Buffer.concat([u64(c.timelock), lst(c.publicKeys, unlockKey), u64(c.signaturesRequired)]);
const sci = x => Buffer.concat([hex32(x.parentID), uc(x.unlockConditions)]);
const sco = x => Buffer.concat([cur(x.value), addr(x.address)]);
const fc = x => Buffer.concat([u64(x.filesize), hex32(x.fileMerkleRoot), u64(x.windowStart), u64(x.windowEnd), cur(x.payout),
  lst(x.validProofOutputs, sco), lst(x.missedProofOutputs, sco), addr(x.unlockHash), u64(x.revisionNumber)]);
const fcr = x => Buffer.concat([hex32(x.parentID), uc(x.unlockConditions), u64(x.revisionNumber), u64(x.filesize),
  hex32(x.fileMerkleRoot), u64(x.windowStart), u64(x.windowEnd), lst(x.validProofOutputs, sco), lst(x.missedProofOutputs, sco), addr(x.unlockHash)]);
const sp = x => Buffer.concat([hex32(x.parentID), Buffer.from(x.leaf, 'hex'), lst(x.proof, hex32)]);
const sfi = x => Buffer.concat([hex32(x.parentID), uc(x.unlockConditions), addr(x.claimAddress)]);
const sfo = x => Buffer.concat([cur(x.value), addr(x.address), cur(0)]);
const bytes = s => { const b = Buffer.from(s ?? '', 'base64'); return Buffer.concat([u64(b.length), b]); };
const CFL = ['siacoinInputs', 'siacoinOutputs', 'fileContracts', 'fileContractRevisions', 'storageProofs', 'siafundInputs', 'siafundOutputs', 'minerFees', 'arbitraryData', 'signatures'];
const cf = x => Buffer.concat([bool(x.wholeTransaction), ...CFL.map(k => lst(x[k], u64))]);
const tsig = x => Buffer.concat([hex32(x.parentID), u64(x.publicKeyIndex), u64(x.timelock), cf(x.coveredFields ?? {}), bytes(x.signature)]);
const ENC = { siacoinInputs: sci, siacoinOutputs: sco, fileContracts: fc, fileContractRevisions: fcr, storageProofs: sp, siafundInputs: sfi, siafundOutputs: sfo, minerFees: cur, arbitraryData: bytes, signatures: tsig };
const encodeNoSigs = t => Buffer.concat(CFL.slice(0, 9).map(k => lst(t[k], ENC[k])));
const encodeTxn = t => Buffer.concat([encodeNoSigs(t), lst(t.signatures, tsig)]);
const txnId = t => H(encodeNoSigs(t)).toString('hex');

// SigHash (SIAD.md §6.3); rp = replay prefix bytes
function sigHash(t, i, rp) {
  const s = t.signatures[i], c = s.coveredFields ?? {};
  const at = (k, ix) => t[k][Number(ix)];
  if (c.wholeTransaction) {
    const sc = t.siacoinInputs ?? [], sf = t.siafundInputs ?? [];
    return H(u64(sc.length), ...sc.map(x => Buffer.concat([rp, sci(x)])),
      lst(t.siacoinOutputs, sco), lst(t.fileContracts, fc), lst(t.fileContractRevisions, fcr), lst(t.storageProofs, sp),
      u64(sf.length), ...sf.map(x => Buffer.concat([rp, sfi(x)])), lst(t.siafundOutputs, sfo), lst(t.minerFees, cur),
      lst(t.arbitraryData, bytes), hex32(s.parentID), u64(s.publicKeyIndex), u64(s.timelock),
      ...(c.signatures ?? []).map(j => tsig(at('signatures', j))));
  }
  const parts = [];
  for (const k of CFL) for (const ix of c[k] ?? []) {
    if (k === 'siacoinInputs' || k === 'siafundInputs') parts.push(rp);
    parts.push(ENC[k](at(k, ix)));
  }
  return H(...parts);
}
const RP = { none: Buffer.alloc(0), prefix0: Buffer.from([0]), prefix1: Buffer.from([1]) };

// ---------------------------------------------------------------- ed25519 via Node's OpenSSL
const PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const privKey = seedHex => crypto.createPrivateKey({ key: Buffer.concat([PKCS8, Buffer.from(seedHex, 'hex')]), format: 'der', type: 'pkcs8' });
const pubHex = seedHex => Buffer.from(crypto.createPublicKey(privKey(seedHex)).export({ format: 'jwk' }).x, 'base64url').toString('hex');
const signHex = (seedHex, msg) => crypto.sign(null, msg, privKey(seedHex)).toString('hex');

// ---------------------------------------------------------------- vectors (SIAD.md §11)
const z32 = '0'.repeat(64);
const VOID = z32 + '89eb0d6a8a69';
const SEED_A = '01'.repeat(32), SEED_B = '02'.repeat(32);
const PK_A = '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c';
const PK_B = '8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394';
const ADDR_A = 'c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b7803c7501a7b';
const ADDR_B = '505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b2d1069bb48bc6';
const ADDR_AB = '6d40ccc9654b576d03401b0b08a9197d90bcc512b1061b8aaf0d2f8dbf5258715c9ef0d0f470';
const SC = n => (BigInt(n) * 10n ** 24n).toString();
const ucStd = pk => ({ timelock: 0, publicKeys: ['ed25519:' + pk], signaturesRequired: 1 });
const uc2of2 = { timelock: 0, publicKeys: ['ed25519:' + PK_A, 'ed25519:' + PK_B], signaturesRequired: 2 };
const whole = (parent, pki = 0) => ({ parentID: parent, publicKeyIndex: pki, timelock: 0, coveredFields: { wholeTransaction: true } });

const T1_SIG = '77a37f7101f69d04be2ae5606ead9e44e2505c7323db0ec35c096e0f5bed7cf0d30822465105474dbdf9841b3e8c8399a8dad7e77dd0119d973ccd46a3799505';
const T1_NOSIGS_HEX = '01000000000000001111111111111111111111111111111111111111111111111111111111111111000000000000000001000000000000006564323535313900000000000000000020000000000000008a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c010000000000000002000000000000000c00000000000000033b2e3c9fd0803ce8000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b20b000000000000000422ca8b0a00a425000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000a00000000000000021e19e0c9bab24000000000000000000000';
const T1_FULL_HEX = T1_NOSIGS_HEX + '0100000000000000111111111111111111111111111111111111111111111111111111111111111100000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000400000000000000077a37f7101f69d04be2ae5606ead9e44e2505c7323db0ec35c096e0f5bed7cf0d30822465105474dbdf9841b3e8c8399a8dad7e77dd0119d973ccd46a3799505';
const T1 = {
  siacoinInputs: [{ parentID: '11'.repeat(32), unlockConditions: ucStd(PK_A) }],
  siacoinOutputs: [{ value: SC(1000), address: ADDR_B }, { value: SC(5), address: ADDR_A }],
  minerFees: ['10000000000000000000000'],
  signatures: [whole('11'.repeat(32))],
};
const T1_SIGNED = structuredClone(T1);
T1_SIGNED.signatures[0].signature = Buffer.from(T1_SIG, 'hex').toString('base64');

const FC_HEX = '00000000000000000000000000000000000000000000000000000000000000000000000000000000c800000000000000d2000000000000000c00000000000000033b2e3c9fd0803ce800000002000000000000000c00000000000000031aebaa634f480961000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b202000000000000000c00000000000000031aebaa634f480961000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0000000000000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b26d40ccc9654b576d03401b0b08a9197d90bcc512b1061b8aaf0d2f8dbf5258710000000000000000';
const fcOuts = [{ value: SC(961), address: ADDR_A }, { value: '0', address: ADDR_B }];
const T2 = {
  siacoinInputs: [{ parentID: '22'.repeat(32), unlockConditions: ucStd(PK_A) }],
  fileContracts: [{ filesize: 0, fileMerkleRoot: z32, windowStart: 200, windowEnd: 210, payout: SC(1000),
    validProofOutputs: fcOuts, missedProofOutputs: fcOuts, unlockHash: ADDR_AB, revisionNumber: 0 }],
  minerFees: ['10000000000000000000000'],
};
const FCID = 'c831447119cf9335e8b9e210889d82d850c3b2ddd8338e5acf82739baab1b361';
const REV_HEX = 'c831447119cf9335e8b9e210889d82d850c3b2ddd8338e5acf82739baab1b361000000000000000002000000000000006564323535313900000000000000000020000000000000008a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c6564323535313900000000000000000020000000000000008139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b3940200000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000c800000000000000d20000000000000002000000000000000c00000000000000031a17e847807b1bc0000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0a00000000000000d3c21bcecceda1000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b202000000000000000c00000000000000031a17e847807b1bc0000000c959f9b423b662c36ee58057b8157acedb4095cfeb7926e4ba44cd9ee1f49a5b0a00000000000000d3c21bcecceda1000000505a75afc94c55a5a56452318672ccf754de5a1deb2974ae1e0bd07671d3b5b26d40ccc9654b576d03401b0b08a9197d90bcc512b1061b8aaf0d2f8dbf525871';
const revOuts = [{ value: SC(960), address: ADDR_A }, { value: SC(1), address: ADDR_B }];
const REV_CF = { fileContractRevisions: [0] };
const T3 = {
  fileContractRevisions: [{ parentID: FCID, unlockConditions: uc2of2, revisionNumber: 1, filesize: 0, fileMerkleRoot: z32,
    windowStart: 200, windowEnd: 210, validProofOutputs: revOuts, missedProofOutputs: revOuts, unlockHash: ADDR_AB }],
  signatures: [
    { parentID: FCID, publicKeyIndex: 0, timelock: 0, coveredFields: REV_CF },
    { parentID: FCID, publicKeyIndex: 1, timelock: 0, coveredFields: REV_CF }],
};
const REV_SIGHASH = '66511021d18469cee68c8ba664dd9e266bbefbb94f3f4615d7897847877b5d44';
const REV_SIG_A = 'ff0ead187134f998ffc39bd5d5ce9e4d4f1ca34f851f0e52235f097071be0e5f6cb6cf83c8a945603e3b254a86f5bcc0d44746229a91ef0ad0d5f571fbbaf904';
const REV_SIG_B = 'af048e564bb1f2619cc08af8d91008daf9403678607be0556d7e3f35bc127082674b84e416a61df609565caedcb9a9d4567e6ca27600c3fb9ee30c00705c4f0d';

// core-rs test_transaction_whole_sig_hash case 0 (replay prefix 0x01)
const CR_SEED = '88d73af82d1e4e61806f52cc2be9df6f6e1d499d3419f2608310bb16e86b11cd';
const CR_PARENT = '200bd724a6ae87005cd7b3124ae5349addc2d5d8db2fe1cdfb54f80245fc2575';
const CR_TXN = {
  siacoinInputs: [{ parentID: CR_PARENT, unlockConditions: ucStd(pubHex(CR_SEED)) }],
  siacoinOutputs: [{ value: '67856467336433871', address: VOID }],
  signatures: [whole(CR_PARENT)],
};
const CR_SIGHASH = 'a4b1855c546db7ec902237f730717faae96187db8ce9fe139504323a639f731e';

// §11.1: transaction with one zero-valued element in each list
const ucEmpty = { timelock: 0, publicKeys: [], signaturesRequired: 0 };
const ZERO_EACH = {
  siacoinInputs: [{ parentID: z32, unlockConditions: ucEmpty }],
  siacoinOutputs: [{ value: '0', address: VOID }],
  fileContracts: [{ filesize: 0, fileMerkleRoot: z32, windowStart: 0, windowEnd: 0, payout: '0', validProofOutputs: [], missedProofOutputs: [], unlockHash: VOID, revisionNumber: 0 }],
  fileContractRevisions: [{ parentID: z32, unlockConditions: ucEmpty, revisionNumber: 0, filesize: 0, fileMerkleRoot: z32, windowStart: 0, windowEnd: 0, validProofOutputs: [], missedProofOutputs: [], unlockHash: VOID }],
  storageProofs: [{ parentID: z32, leaf: '00'.repeat(64), proof: [] }],
  siafundInputs: [{ parentID: z32, unlockConditions: ucEmpty, claimAddress: VOID }],
  siafundOutputs: [{ value: 0, address: VOID }],
  minerFees: ['0'],
  arbitraryData: [''],
  signatures: [{ parentID: z32, publicKeyIndex: 0, timelock: 0, coveredFields: { wholeTransaction: false }, signature: '' }],
};

// host announcement for 127.0.0.1:9982 with key A (§11.3), as arbitrary data
const ANNOUNCE_B64 = 'SG9zdEFubm91bmNlbWVudA4AAAAAAAAAMTI3LjAuMC4xOjk5ODJlZDI1NTE5AAAAAAAAAAAAIAAAAAAAAACKiOPddAnxlf1S2y08ul1yymcJvx2UEhvzdIgBtA9vXLJZLeez+31rXc0/BcVS8Id0HwMcuUfQRSxag6GTO60WhWt9bn3IxNEBL/zeMPFZJECvFievGTBRoX9+hhQWEAM=';

// kitchen sink: storage proof + arbitrary data + siafunds + odd unlock conditions + partial signatures
const U64MAX = 18446744073709551615n;
const KS_SP = {
  storageProofs: [{ parentID: FCID, leaf: 'ab'.repeat(64), proof: ['cd'.repeat(32), 'ef'.repeat(32)] }],
  siacoinInputs: [{ parentID: '33'.repeat(32), unlockConditions: { timelock: 7, publicKeys: ['ed25519:' + PK_A, 'ed25519:' + PK_B, 'entropy:0102'], signaturesRequired: 2 } }],
  siafundInputs: [{ parentID: '44'.repeat(32), unlockConditions: ucStd(PK_B), claimAddress: ADDR_A }],
  minerFees: ['1', '340282366920938463463374607431768211455'],
  arbitraryData: [ANNOUNCE_B64, '', 'Tm9uU2lh'],
  signatures: [
    { parentID: '33'.repeat(32), publicKeyIndex: 0, timelock: 0, coveredFields: { wholeTransaction: true, signatures: [2] } },
    { parentID: '33'.repeat(32), publicKeyIndex: 1, timelock: 3, coveredFields: { siacoinInputs: [0], storageProofs: [0], siafundInputs: [0], minerFees: [1], arbitraryData: [0, 1], signatures: [2] } },
    { parentID: '44'.repeat(32), publicKeyIndex: 0, timelock: 0, coveredFields: { wholeTransaction: true }, signature: Buffer.alloc(64, 7).toString('base64') }],
};
const KS_SF = {
  siafundInputs: [{ parentID: '55'.repeat(32), unlockConditions: { timelock: U64MAX, publicKeys: null, signaturesRequired: U64MAX }, claimAddress: VOID }],
  siafundOutputs: [{ value: 10000, address: ADDR_A }, { value: U64MAX, address: ADDR_B }],
  fileContracts: [{ filesize: U64MAX, fileMerkleRoot: 'aa'.repeat(32), windowStart: 9007199254740993n, windowEnd: U64MAX, payout: '1', validProofOutputs: null, missedProofOutputs: [], unlockHash: ADDR_B, revisionNumber: U64MAX }],
  fileContractRevisions: [{ parentID: FCID, unlockConditions: uc2of2, revisionNumber: U64MAX, filesize: 1, fileMerkleRoot: z32, windowStart: 1, windowEnd: 2, validProofOutputs: [], missedProofOutputs: null, unlockHash: ADDR_AB }],
  arbitraryData: null,
  signatures: [{ parentID: '55'.repeat(32), publicKeyIndex: 0, coveredFields: { siafundOutputs: [1], fileContracts: [0], fileContractRevisions: [0], siafundInputs: [0] } }],
};

// ---------------------------------------------------------------- request
const txCases = [
  ['T1 signed', T1_SIGNED], ['T1 unsigned', T1], ['T2', T2], ['T3 revision', T3], ['core-rs whole', CR_TXN],
  ['zero txn', {}], ['zero txn (null lists)', Object.fromEntries(CFL.map(k => [k, null]))], ['zero element each', ZERO_EACH],
  ['kitchen sink: storage proof', KS_SP], ['kitchen sink: siafunds/contract/revision/u64 max', KS_SF],
];
const ukCases = [[PK_A, ADDR_A], [PK_B, ADDR_B],
  ['ad08d551ab7116b8c2285de81ffa528ef3679f9e242c3f551b560a60ab9763db', '80f637df83a93a6916d1b5c8bdbb061f967fb9fe8fe51ef4d97eeec73c6bfc394771e4a04f42'],
  ['18ac9c05b0c5e7c62859812b943572429cda178aa3df92697569b8984c603b4c', '99a27a168bdde2e9c59bc967f6c662e3db0b2cf13da26ddae26004fa19c61d3db017dca7d0d3'],
  [pubHex(SEED_A), ADDR_A]];
const T1_SIGHASH = { none: 'bf336025f0d170d380458ecca0bb2ad1a2b58d33673d4b59c3746c52d67aa632',
  prefix0: 'e5fc9778eb0d49a4be18854cb8e95a83ef1eda2ff297fc92f482ccfd345b36dc', prefix1: 'cf677ca011db2a271d00ffa299ac05fa40a60154fc71c0beacc4255d27a8cfd8' };
const RULES = ['none', 'prefix0', 'prefix1'];
const sigCases = []; // [label, case, expected hex]
for (const r of RULES) {
  sigCases.push([`T1 ${r}`, { transaction: T1, sigIndex: 0, seed: SEED_A, rules: r }, signHex(SEED_A, Buffer.from(T1_SIGHASH[r], 'hex'))]);
  sigCases.push([`T1 (signed copy) ${r}`, { transaction: T1_SIGNED, sigIndex: 0, seed: SEED_A, rules: r }, signHex(SEED_A, Buffer.from(T1_SIGHASH[r], 'hex'))]);
  sigCases.push([`T3 rev A ${r}`, { transaction: T3, sigIndex: 0, seed: SEED_A, rules: r }, REV_SIG_A]);
  sigCases.push([`T3 rev B ${r}`, { transaction: T3, sigIndex: 1, seed: SEED_B, rules: r }, REV_SIG_B]);
  for (let i = 0; i < 3; i++) {
    sigCases.push([`kitchen sink SP sig ${i} ${r}`, { transaction: KS_SP, sigIndex: i, seed: SEED_B, rules: r }, signHex(SEED_B, sigHash(KS_SP, i, RP[r]))]);
  }
  sigCases.push([`kitchen sink SF ${r}`, { transaction: KS_SF, sigIndex: 0, seed: SEED_A, rules: r }, signHex(SEED_A, sigHash(KS_SF, 0, RP[r]))]);
}
sigCases.push(['core-rs whole prefix1', { transaction: CR_TXN, sigIndex: 0, seed: CR_SEED, rules: 'prefix1' }, signHex(CR_SEED, Buffer.from(CR_SIGHASH, 'hex'))]);
const errCases = [ // must come back as {"error": ...} without killing the process
  ['sigIndex out of range', { transaction: T1, sigIndex: 1, seed: SEED_A, rules: 'prefix1' }],
  ['covered index out of range', { transaction: { minerFees: ['1'], signatures: [{ parentID: z32, publicKeyIndex: 0, coveredFields: { wholeTransaction: true, signatures: [3] } }] }, sigIndex: 0, seed: SEED_A, rules: 'none' }],
  ['bad rules', { transaction: T1, sigIndex: 0, seed: SEED_A, rules: 'prefix2' }],
];
const badTx = [
  ['siad-style key', { siacoinOutputs: [{ value: '1', unlockhash: ADDR_A }] }],
  ['64-hex address', { siacoinOutputs: [{ value: '1', address: z32 }] }],
  ['hex signature', { signatures: [{ ...whole(z32), signature: T1_SIG }] }],
  ['currency as number', { minerFees: [1] }],
];

const MARK = '\u0001big:';
const reqText = JSON.stringify({
  transactions: [...txCases.map(c => c[1]), ...badTx.map(c => c[1])],
  unlockHashes: ukCases.map(c => c[0]),
  signatures: [...sigCases.map(c => c[1]), ...errCases.map(c => c[1])],
}, (_k, v) => typeof v === 'bigint' ? MARK + v : v).replace(/"\\u0001big:(\d+)"/g, '$1');

// ---------------------------------------------------------------- run + compare
const t0 = Date.now();
const run = spawnSync(process.execPath, [path.join(here, 'oracle.mjs')], { input: reqText, encoding: 'utf8', maxBuffer: 1 << 28 });
const ms = Date.now() - t0;
if (run.status !== 0) { process.stderr.write(`oracle exited ${run.status}\n${run.stderr}`); process.exit(2); }
const res = JSON.parse(run.stdout);

let pass = 0, fail = 0;
function check(label, got, want) {
  if (got === want) { pass++; return; }
  fail++;
  process.stderr.write(`FAIL ${label}\n  got:  ${typeof got === 'string' ? got : JSON.stringify(got)}\n  want: ${want}\n`);
}
function refOrThrow(f, label) { try { return f(); } catch (e) { fail++; process.stderr.write(`FAIL ${label}: reference encoder: ${e.message}\n`); return undefined; } }

txCases.forEach(([label, t], i) => {
  const r = res.transactions[i];
  if (r.error) { check(label + ' (no error)', r.error, '<no error>'); return; }
  check(label + ' encoding = reference encoder', r.encoding, refOrThrow(() => encodeTxn(t).toString('hex'), label));
  check(label + ' id = H(no-sig encoding)', r.id, refOrThrow(() => txnId(t), label));
});
const tx = label => res.transactions[txCases.findIndex(c => c[0] === label)];
check('T1 signed: 514-byte encoding of §11.3', tx('T1 signed').encoding, T1_FULL_HEX);
check('T1 signed: length', tx('T1 signed').encoding.length / 2, 514);
check('T1 id', tx('T1 signed').id, '759fc5443359b93bfc7bf2047f608c978e6b879a529bfe45d427b5883783c1c1');
check('T1 unsigned id (= signed id)', tx('T1 unsigned').id, tx('T1 signed').id);
check('T1 unsigned: starts with 305-byte no-sig encoding', tx('T1 unsigned').encoding.slice(0, T1_NOSIGS_HEX.length), T1_NOSIGS_HEX);
check('T2 id', tx('T2').id, '3a8b67cbc9deed19d884829c3ca5e0e70b917d332f35265b45a43cdf4c362a21');
check('T2 contains the 316-byte FileContract encoding', tx('T2').encoding.includes(FC_HEX), true);
check('T2 FileContractID(0) (reference hash over the oracle bytes minus the empty signature list)', H(spec('file contract'), Buffer.from(tx('T2').encoding.slice(0, -16), 'hex'), u64(0)).toString('hex'), FCID);
check('T3 contains the 484-byte revision encoding', tx('T3 revision').encoding.includes(REV_HEX), true);
check('T3 revision sighash = H(revision encoding) (reference)', sigHash(T3, 0, RP.prefix1).toString('hex'), REV_SIGHASH);
check('zero txn: 80 zero bytes', tx('zero txn').encoding, '00'.repeat(80));
check('zero txn: H(full) §11.1', blake2b256(Buffer.from(tx('zero txn').encoding, 'hex')).toString('hex'), '143aa0da2b6a4ca39eee3ee50a6536d75eedff3b5ef0229a6d603afa7854d5b8');
check('zero txn: id (core-rs)', tx('zero txn').id, 'b3633a1370a72002ae2a956d21e8d481c3a69e146633470cf625ecd83fdeaa24');
check('zero txn with null lists = zero txn', tx('zero txn (null lists)').encoding, '00'.repeat(80));
check('zero element each: H(full) §11.1', blake2b256(Buffer.from(tx('zero element each').encoding, 'hex')).toString('hex'), 'a6c0f41cb89aaede0682ab06c1e757e12d662a0156ec878f85b935bc219fb3ca');
check('kitchen sink: contains host announcement bytes', tx('kitchen sink: storage proof').encoding.includes(Buffer.from(ANNOUNCE_B64, 'base64').toString('hex')), true);
badTx.forEach(([label], i) => check(`rejects ${label}`, typeof res.transactions[txCases.length + i].error, 'string'));

ukCases.forEach(([pk, want], i) => check(`unlock hash of ${pk.slice(0, 8)}`, res.unlockHashes[i], want));
sigCases.forEach(([label, , want], i) => check(`signature ${label}`, res.signatures[i], want));
check('signature T1 prefix1 = §11.3 signature', res.signatures[sigCases.findIndex(c => c[0] === 'T1 prefix1')], T1_SIG);
errCases.forEach(([label], i) => check(`error case: ${label}`, typeof res.signatures[sigCases.length + i]?.error, 'string'));
check('blake2b sanity: merkle leaf "a"', H(Buffer.from([0]), Buffer.from('a')).toString('hex'), '7234082e1dd0b5ec0acd71875d61c9f374af30c100bc4de7aa4eb3f15bbed686');

console.log(`selftest: ${pass} passed, ${fail} failed (${txCases.length + badTx.length} transactions, ${ukCases.length} keys, ${sigCases.length + errCases.length} signatures in one oracle run of ${ms} ms)`);
process.exit(fail ? 1 : 0);
