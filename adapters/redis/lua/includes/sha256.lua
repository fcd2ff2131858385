--[[
  SHA-256 in Redis Lua (5.1 + LuaBitOp), for the audit hash chain.

  Why in Lua: the chain link (seq, prevHash, hash) is computed inside the same script that
  applies the change, so linking is atomic with the change and the chain cannot fork however
  many instances append at once — no read-head / compare / retry loop between clients, no
  livelock under contention, and every write script stays a single idempotent step.
  Cost: about 0.1 ms of server time per 64-byte block; audit entries are rare (moderation,
  phase moves, assisted actions), so this is far below the cost of client-side retries.

  Checked against node:crypto in test/redis/sha256-lua.test.ts.

  Defines: local function sha256_hex(msg) -> 64 lowercase hex characters.
]]
local sha256_hex
do
  local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
  local rshift, lshift, ror, tobit, tohex = bit.rshift, bit.lshift, bit.ror, bit.tobit, bit.tohex
  local sbyte, schar, srep = string.byte, string.char, string.rep
  local K
  local function constants()
    return {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    }
  end

  local function be32(n)
    return schar(band(rshift(n, 24), 255), band(rshift(n, 16), 255), band(rshift(n, 8), 255), band(n, 255))
  end

  sha256_hex = function(msg)
    -- Built on first use only: most script calls append no audit entry.
    if not K then
      K = constants()
      for i = 1, 64 do
        K[i] = tobit(K[i])
      end
    end
    local h0, h1, h2, h3 = tobit(0x6a09e667), tobit(0xbb67ae85), tobit(0x3c6ef372), tobit(0xa54ff53a)
    local h4, h5, h6, h7 = tobit(0x510e527f), tobit(0x9b05688c), tobit(0x1f83d9ab), tobit(0x5be0cd19)
    local ml = #msg
    local bits = ml * 8
    local hi = math.floor(bits / 4294967296)
    local lo = bits - hi * 4294967296
    msg = msg .. '\128' .. srep('\0', (55 - ml) % 64) .. be32(tobit(hi)) .. be32(tobit(lo))
    local w = {}
    for chunk = 1, #msg, 64 do
      for i = 1, 16 do
        local p = chunk + (i - 1) * 4
        local a, b, c, d = sbyte(msg, p, p + 3)
        w[i] = bor(lshift(a, 24), lshift(b, 16), lshift(c, 8), d)
      end
      for i = 17, 64 do
        local x, y = w[i - 15], w[i - 2]
        local s0 = bxor(ror(x, 7), ror(x, 18), rshift(x, 3))
        local s1 = bxor(ror(y, 17), ror(y, 19), rshift(y, 10))
        w[i] = tobit(w[i - 16] + s0 + w[i - 7] + s1)
      end
      local a, b, c, d, e, f, g, h = h0, h1, h2, h3, h4, h5, h6, h7
      for i = 1, 64 do
        local S1 = bxor(ror(e, 6), ror(e, 11), ror(e, 25))
        local ch = bxor(band(e, f), band(bnot(e), g))
        local t1 = h + S1 + ch + K[i] + w[i]
        local S0 = bxor(ror(a, 2), ror(a, 13), ror(a, 22))
        local maj = bxor(band(a, b), band(a, c), band(b, c))
        h = g
        g = f
        f = e
        e = tobit(d + t1)
        d = c
        c = b
        b = a
        a = tobit(t1 + S0 + maj)
      end
      h0, h1, h2, h3 = tobit(h0 + a), tobit(h1 + b), tobit(h2 + c), tobit(h3 + d)
      h4, h5, h6, h7 = tobit(h4 + e), tobit(h5 + f), tobit(h6 + g), tobit(h7 + h)
    end
    return tohex(h0) .. tohex(h1) .. tohex(h2) .. tohex(h3) .. tohex(h4) .. tohex(h5) .. tohex(h6) .. tohex(h7)
  end
end
