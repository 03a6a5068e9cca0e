#!/usr/bin/env node
// Sia v1 reference oracle over @siafoundation/sdk@0.5.0 (Sia's Go core v0.18.1 compiled to WASM).
//
//   node oracle.mjs request.json   > response.json
//   node oracle.mjs                < request.json > response.json
//
// Reads ONE JSON request, runs every case in this one process, writes ONE JSON response (plus
// a newline) to stdout. The contract is documented in README.md; keep both in step.
//
// Exit codes: 0 = a response was written (individual cases may still carry {"error": ...});
//             2 = the request could not be read/parsed or the SDK could not be loaded (message on
//                 stderr, nothing on stdout).
//
// Everything the Go runtime prints (console.log from wasm_exec.js, e.g. Go panics) goes to stderr
// so that stdout carries only the response.

import fs from 'node:fs';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// ---- keep stdout clean: Go's stdout/stderr are routed to console.log by wasm_exec.js ----------
const goOutput = [];
console.log = (...args) => {
  const line = args.map(String).join(' ');
  goOutput.push(line);
  if (goOutput.length > 50) goOutput.shift();
  process.stderr.write(line + '\n');
};

// ---- exact 64-bit integers ----------------------------------------------------------------
// JSON integers beyond 2^53 (e.g. a revision number of 2^64-1) would lose precision in JSON.parse,
// and the Go side receives its input via the global JSON.stringify. We therefore parse such
// integers into BigInt and make JSON.stringify write BigInt values as raw digits.
const BIG_MARK = '\u0001bigint:';

function parseJsonExact(text) {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip escaped char
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) { inString = true; continue; }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < text.length && /[0-9eE.+\-]/.test(text[j])) j++;
      const tok = text.slice(i, j);
      if (/^-?\d+$/.test(tok) && tok.replace('-', '').length > 15) {
        const big = BigInt(tok);
        if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) {
          out += text.slice(last, i) + '"\\u0001bigint:' + tok + '"';
          last = j;
        }
      }
      i = j - 1;
    }
  }
  out += text.slice(last);
  return JSON.parse(out, (_k, v) =>
    typeof v === 'string' && v.startsWith(BIG_MARK) ? BigInt(v.slice(BIG_MARK.length)) : v);
}

const nativeStringify = JSON.stringify;
JSON.stringify = function stringify(value, replacer, space) {
  if (replacer !== undefined && replacer !== null) return nativeStringify(value, replacer, space);
  let sawBig = false;
  const s = nativeStringify(value, (_k, v) => {
    if (typeof v === 'bigint') { sawBig = true; return BIG_MARK + v.toString(); }
    return v;
  }, space);
  return sawBig ? s.replace(/"\\u0001bigint:(-?\d+)"/g, '$1') : s;
};

// ---- SDK ----------------------------------------------------------------------------------
const { initSDK } = require('@siafoundation/sdk');
let wallet;
async function loadSdk() { wallet = (await initSDK()).wallet; }

// Calls a wallet function. A Go panic kills the Go runtime (the call returns undefined, later
// calls throw "Go program has already exited"); we then restart the runtime and report an error.
async function call(name, ...args) {
  const mark = goOutput.length;
  let r;
  try { r = wallet[name](...args); } catch (e) { r = { error: 'sdk threw: ' + e.message }; }
  if (r === undefined || r === null || (typeof r.error === 'string' && r.error.startsWith('sdk threw'))) {
    const printed = goOutput.slice(mark).join(' | ').slice(0, 500);
    await loadSdk();
    return { error: 'Go runtime failed in ' + name + (printed ? ': ' + printed : (r ? ': ' + r.error : '')) };
  }
  return r;
}

// ---- strict shape check (Go's json silently ignores unknown keys and matches keys
// case-insensitively, so e.g. siad's "unlockhash" would silently become a zero address) --------
const UC = { timelock: 0, publicKeys: 0, signaturesRequired: 0 };
const SCO = { value: 0, address: 0 };
const FC_KEYS = ['filesize', 'fileMerkleRoot', 'windowStart', 'windowEnd', 'payout', 'validProofOutputs',
  'missedProofOutputs', 'unlockHash', 'revisionNumber'];
const CF_LISTS = ['siacoinInputs', 'siacoinOutputs', 'fileContracts', 'fileContractRevisions', 'storageProofs',
  'siafundInputs', 'siafundOutputs', 'minerFees', 'arbitraryData', 'signatures'];
const SHAPES = {
  txn: Object.fromEntries(CF_LISTS.map(k => [k, 0])),
  siacoinInputs: { parentID: 0, unlockConditions: 0 },
  siacoinOutputs: SCO,
  fileContracts: Object.fromEntries(FC_KEYS.map(k => [k, 0])),
  fileContractRevisions: Object.fromEntries(['parentID', 'unlockConditions', ...FC_KEYS.filter(k => k !== 'payout')].map(k => [k, 0])),
  storageProofs: { parentID: 0, leaf: 0, proof: 0 },
  siafundInputs: { parentID: 0, unlockConditions: 0, claimAddress: 0 },
  siafundOutputs: SCO,
  signatures: { parentID: 0, publicKeyIndex: 0, timelock: 0, coveredFields: 0, signature: 0 },
  coveredFields: Object.fromEntries(['wholeTransaction', ...CF_LISTS].map(k => [k, 0])),
};
const HINTS = {
  unlockhash: 'core names it "address" (outputs) / "unlockHash" (contracts)',
  claimStart: 'core has no SiafundOutput.claimStart; it always encodes claimStart = 0',
  payout: 'a v1 FileContractRevision has no payout (core ignores it); omit it',
  transactionSignatures: 'core names it "signatures"',
  segment: 'core names it "leaf" (128 hex chars)',
  hashset: 'core names it "proof"',
};

function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

function checkKeys(obj, shape, where) {
  if (!isObj(obj)) throw new Error(`${where}: expected an object`);
  for (const k of Object.keys(obj)) {
    if (!(k in shape)) {
      const hint = HINTS[k] ? ` (${HINTS[k]})` : '';
      throw new Error(`${where}: unknown key "${k}"${hint}; allowed: ${Object.keys(shape).join(', ')}`);
    }
  }
}

function list(v, where) {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Error(`${where}: expected an array or null`);
  return v;
}

function checkUC(uc, where) {
  checkKeys(uc, UC, where);
  list(uc.publicKeys, where + '.publicKeys').forEach((k, i) => {
    if (typeof k !== 'string') throw new Error(`${where}.publicKeys[${i}]: expected a string "<algorithm>:<hex>", e.g. "ed25519:<64 hex>"`);
  });
}

function validateTxn(t) {
  checkKeys(t, SHAPES.txn, 'transaction');
  for (const field of CF_LISTS) {
    const items = list(t[field], field);
    if (field === 'minerFees' || field === 'arbitraryData') continue;
    items.forEach((it, i) => {
      const where = `${field}[${i}]`;
      checkKeys(it, SHAPES[field], where);
      if ('unlockConditions' in it) checkUC(it.unlockConditions, where + '.unlockConditions');
      for (const o of ['validProofOutputs', 'missedProofOutputs']) {
        list(it[o], `${where}.${o}`).forEach((so, j) => checkKeys(so, SCO, `${where}.${o}[${j}]`));
      }
      if (field === 'signatures') {
        if ('coveredFields' in it) {
          checkKeys(it.coveredFields, SHAPES.coveredFields, where + '.coveredFields');
          for (const l of CF_LISTS) list(it.coveredFields[l], `${where}.coveredFields.${l}`);
        }
        if (typeof it.signature === 'string' && /^[0-9a-fA-F]{128}$/.test(it.signature)) {
          throw new Error(`${where}.signature: looks like 128 hex chars, but core JSON wants standard base64 (a 64-byte signature is 88 base64 chars)`);
        }
      }
    });
  }
}

// Go's SigHash code indexes the transaction with the covered-field indices without bounds checks
// (an out-of-range index panics); check them here and report a clean error instead.
function checkCoveredIndices(t, sig, where) {
  const cf = sig.coveredFields || {};
  const lens = Object.fromEntries(CF_LISTS.map(k => [k, list(t[k], k).length]));
  const lists = cf.wholeTransaction ? ['signatures'] : CF_LISTS;
  for (const l of lists) {
    list(cf[l], l).forEach((ix, j) => {
      const n = typeof ix === 'bigint' ? ix : (Number.isInteger(ix) ? ix : NaN);
      if (!(n >= 0) || n >= lens[l]) {
        throw new Error(`${where}.coveredFields.${l}[${j}] = ${ix} is out of range (transaction has ${lens[l]} ${l})`);
      }
    });
  }
}

// ---- consensus state/network for the three replay-protection rules --------------------------
// core's State.replayPrefix() (core v0.18.1) compares State.Index.Height (= the tip height h) with
// the hardfork heights: h >= hardforkV2.allowHeight -> 0x02, h >= hardforkFoundation.height -> 0x01,
// h >= hardforkASIC.height -> 0x00, else no prefix. Heights are chosen far from the boundaries.
const ZERO_ADDR = '000000000000000000000000000000000000000000000000000000000000000089eb0d6a8a69';
const ZERO_HASH = '0'.repeat(64);
const NETWORK = {
  name: 'mainnet',
  initialCoinbase: '300000000000000000000000000000',
  minimumCoinbase: '30000000000000000000000000000',
  initialTarget: '0000000020000000000000000000000000000000000000000000000000000000',
  hardforkDevAddr: { height: 10, oldAddress: ZERO_ADDR, newAddress: ZERO_ADDR },
  hardforkTax: { height: 20 },
  hardforkStorageProof: { height: 30 },
  hardforkOak: { height: 40, fixHeight: 45, genesisTimestamp: '2015-06-06T14:13:20Z' },
  hardforkASIC: { height: 100, oakTime: 120000000000000, oakTarget: '0000000000000000200000000000000000000000000000000000000000000000' },
  hardforkFoundation: { height: 200, primaryAddress: ZERO_ADDR, failsafeAddress: ZERO_ADDR },
  hardforkV2: { allowHeight: 1000000000, requireHeight: 1000000001 },
};
const RULE_HEIGHTS = { none: 50, prefix0: 150, prefix1: 250 };
function stateAt(height) {
  return {
    index: { height, id: ZERO_HASH },
    prevTimestamps: ['2015-06-06T14:13:20Z'],
    depth: ZERO_HASH,
    childTarget: NETWORK.initialTarget,
    siafundTaxRevenue: '0',
    oakTime: 0,
    oakTarget: NETWORK.initialTarget,
    foundationSubsidyAddress: ZERO_ADDR,
    foundationManagementAddress: ZERO_ADDR,
    totalWork: '1',
    difficulty: '1',
    oakWork: '1',
    elements: { numLeaves: 0, trees: [] },
    attestations: 0,
  };
}

// ---- helpers ------------------------------------------------------------------------------
const HEX64 = /^[0-9a-fA-F]{64}$/;
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
function publicKeyFromSeed(seedHex) {
  const key = crypto.createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]), format: 'der', type: 'pkcs8' });
  const jwk = crypto.createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x, 'base64url').toString('hex');
}
const errMsg = e => (e && e.message) ? e.message : String(e);

// ---- cases --------------------------------------------------------------------------------
async function runTransaction(t) {
  try { validateTxn(t); } catch (e) { return { error: errMsg(e) }; }
  const enc = await call('encodeTransaction', t);
  if (enc.error) return { error: enc.error };
  const id = await call('transactionId', t);
  if (id.error) return { error: id.error };
  return { encoding: Buffer.from(enc.encodedTransaction).toString('hex'), id: id.id };
}

async function runUnlockHash(pk) {
  if (typeof pk !== 'string' || !HEX64.test(pk)) return { error: 'expected a 64-hex ed25519 public key' };
  const r = await call('standardUnlockHash', 'ed25519:' + pk.toLowerCase());
  return r.error ? { error: r.error } : r.address;
}

async function runSignature(c) {
  try {
    checkKeys(c, { transaction: 0, sigIndex: 0, seed: 0, rules: 0 }, 'signature case');
    if (!(c.rules in RULE_HEIGHTS)) throw new Error('rules must be "none", "prefix0" or "prefix1"');
    if (typeof c.seed !== 'string' || !HEX64.test(c.seed)) throw new Error('seed must be 64 hex chars (32-byte ed25519 seed)');
    if (!Number.isInteger(c.sigIndex)) throw new Error('sigIndex must be an integer');
    validateTxn(c.transaction);
    const sigs = list(c.transaction.signatures, 'signatures');
    if (c.sigIndex < 0 || c.sigIndex >= sigs.length) throw new Error(`sigIndex ${c.sigIndex} out of range (${sigs.length} signatures)`);
    checkCoveredIndices(c.transaction, sigs[c.sigIndex], `signatures[${c.sigIndex}]`);
  } catch (e) { return { error: errMsg(e) }; }
  const seed = c.seed.toLowerCase();
  const priv = seed + publicKeyFromSeed(seed); // Go's ed25519 private key = seed || public key
  const r = await call('signTransactionV1', stateAt(RULE_HEIGHTS[c.rules]), NETWORK, c.transaction, c.sigIndex, priv);
  if (r.error) return { error: r.error };
  return Buffer.from(r.signature, 'base64').toString('hex'); // the SDK returns base64
}

async function main() {
  let req;
  try {
    const text = process.argv[2] ? fs.readFileSync(process.argv[2], 'utf8') : fs.readFileSync(0, 'utf8');
    req = parseJsonExact(text);
    if (!isObj(req)) throw new Error('request must be a JSON object');
    for (const k of Object.keys(req)) {
      if (!['transactions', 'unlockHashes', 'signatures'].includes(k)) throw new Error(`unknown request key "${k}"`);
      if (req[k] !== null && !Array.isArray(req[k])) throw new Error(`request.${k} must be an array`);
    }
    await loadSdk();
  } catch (e) {
    process.stderr.write('oracle: ' + errMsg(e) + '\n');
    process.exit(2);
  }
  const res = { transactions: [], unlockHashes: [], signatures: [] };
  for (const t of req.transactions || []) res.transactions.push(await runTransaction(t));
  for (const k of req.unlockHashes || []) res.unlockHashes.push(await runUnlockHash(k));
  for (const s of req.signatures || []) res.signatures.push(await runSignature(s));
  process.stdout.write(nativeStringify(res) + '\n', () => process.exit(0));
}

await main();
