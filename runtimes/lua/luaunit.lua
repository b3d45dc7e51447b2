-- A LuaUnit-compatible module with what MultiPL-E's Lua tests use (lu.assertEquals, lu.LuaUnit.run)
-- and the common assertions around it, following LuaUnit 3.4's documented semantics: deep table
-- equality with cycle detection, numbers compared with == (so 1 == 1.0), types must match.
-- The same file runs under native lua5.4 (the fidelity reference) and in Benchtop's sandbox, where
-- a private reporter (__bt_report, taken off the globals here) tells the harness what really ran.
local report = rawget(_G, '__bt_report')
_G.__bt_report = nil
local orig_require = require

local M = { VERSION = '3.4-benchtop', EPS = 2 ^ -52 }
local assertions = 0

local FAILURE = {}
FAILURE.__index = FAILURE
FAILURE.__tostring = function(f) return f.msg end

local function prettystr(v, seen)
  seen = seen or {}
  if type(v) == 'string' then return string.format('%q', v) end
  if type(v) ~= 'table' then return tostring(v) end
  if seen[v] then return '<cycle>' end
  seen[v] = true
  local parts, n = {}, #v
  for i = 1, n do parts[#parts + 1] = prettystr(v[i], seen) end
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == 'integer' and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local key = type(k) == 'string' and k:match('^[%a_][%w_]*$') and k or ('[' .. prettystr(k, seen) .. ']')
    parts[#parts + 1] = key .. '=' .. prettystr(v[k], seen)
  end
  seen[v] = nil
  return '{' .. table.concat(parts, ', ') .. '}'
end
M.prettystr = prettystr

local function fail(msg, extra, level)
  if extra ~= nil then msg = tostring(extra) .. '\n' .. msg end
  error(setmetatable({ msg = msg }, FAILURE), (level or 2) + 1)
end
M.fail = function(msg) assertions = assertions + 1; fail(msg, nil, 2) end

-- Tables are compared by content only, as LuaUnit's _is_table_equals does: never with `==`, which
-- would call a table's __eq (a sample's table whose __eq always answers true must not pass).
local function is_equal(a, e, cycles)
  local ta, te = type(a), type(e)
  if ta ~= te then return false end
  if ta ~= 'table' then return a == e end
  cycles = cycles or { a = {}, e = {} }
  if cycles.a[a] then return cycles.e[e] == true end
  if cycles.e[e] then return false end
  cycles.a[a], cycles.e[e] = true, true
  local seen, ok = {}, true
  for k, v in pairs(a) do
    seen[k] = true
    if not is_equal(v, e[k], cycles) then ok = false; break end
  end
  if ok then
    for k in pairs(e) do
      if not seen[k] then ok = false; break end
    end
  end
  cycles.a[a], cycles.e[e] = nil, nil
  return ok
end
M.private = { is_equal = is_equal }

local function counted(fn)
  return function(...) assertions = assertions + 1; return fn(...) end
end

M.assertEquals = counted(function(actual, expected, extra)
  if not is_equal(actual, expected) then
    fail('expected: ' .. prettystr(expected) .. '\nactual: ' .. prettystr(actual), extra, 3)
  end
end)
M.assertNotEquals = counted(function(actual, expected, extra)
  if is_equal(actual, expected) then fail('Received the not expected value: ' .. prettystr(actual), extra, 3) end
end)
M.assertAlmostEquals = counted(function(actual, expected, margin, extra)
  margin = margin or M.EPS
  if math.abs(expected - actual) > margin then
    fail(string.format('Values are not almost equal\nActual: %s, expected: %s, delta %s above margin of %s',
      actual, expected, math.abs(expected - actual) - margin, margin), extra, 3)
  end
end)
M.assertTrue = counted(function(v, extra) if v ~= true then fail('expected: true, actual: ' .. prettystr(v), extra, 3) end end)
M.assertFalse = counted(function(v, extra) if v ~= false then fail('expected: false, actual: ' .. prettystr(v), extra, 3) end end)
M.assertNil = counted(function(v, extra) if v ~= nil then fail('expected: nil, actual: ' .. prettystr(v), extra, 3) end end)
M.assertNotNil = counted(function(v, extra) if v == nil then fail('expected: not nil, actual: nil', extra, 3) end end)
M.assertIs = counted(function(a, e, extra) if a ~= e then fail('expected and actual object should not be different', extra, 3) end end)
M.assertStrContains = counted(function(s, sub, isPattern, extra)
  if not string.find(s, sub, 1, not isPattern) then
    fail('Could not find substring ' .. prettystr(sub) .. ' in string ' .. prettystr(s), extra, 3)
  end
end)
M.assertItemsEquals = counted(function(actual, expected, extra)
  local function count(t)
    local c = {}
    for _, v in pairs(t) do
      local found = false
      for k, n in pairs(c) do
        if is_equal(k, v) then c[k] = n + 1; found = true; break end
      end
      if not found then c[v] = 1 end
    end
    return c
  end
  local ca, ce = count(actual), count(expected)
  local ok = true
  for k, n in pairs(ca) do
    local m = 0
    for k2, n2 in pairs(ce) do if is_equal(k, k2) then m = n2 end end
    if m ~= n then ok = false end
  end
  local na, ne = 0, 0
  for _ in pairs(actual) do na = na + 1 end
  for _ in pairs(expected) do ne = ne + 1 end
  if not ok or na ~= ne then
    fail('Content of the tables are not identical:\nExpected: ' .. prettystr(expected) .. '\nActual: ' .. prettystr(actual), extra, 3)
  end
end)
M.assertError = counted(function(f, ...)
  if pcall(f, ...) then fail('Expected an error when calling function but no error generated', nil, 3) end
end)
for _, t in ipairs({ 'Number', 'String', 'Table', 'Boolean', 'Function' }) do
  M['assertIs' .. t] = counted(function(v, extra)
    if type(v) ~= t:lower() then fail('expected: a ' .. t:lower() .. ' value, actual: type ' .. type(v) .. ' value ' .. prettystr(v), extra, 3) end
  end)
end
-- LuaUnit's snake_case and short aliases
M.assert_equals, M.assertEqual = M.assertEquals, M.assertEquals

local function collect()
  local names = {}
  for k, v in pairs(_G) do
    if type(k) == 'string' and k:sub(1, 4):lower() == 'test' and (type(v) == 'function' or type(v) == 'table') then
      names[#names + 1] = k
    end
  end
  table.sort(names)
  local tests = {}
  for _, name in ipairs(names) do
    local v = _G[name]
    if type(v) == 'function' then
      tests[#tests + 1] = { name = name, fn = v }
    else
      local methods = {}
      for m, f in pairs(v) do
        if type(m) == 'string' and m:sub(1, 4):lower() == 'test' and type(f) == 'function' then methods[#methods + 1] = m end
      end
      table.sort(methods)
      for _, m in ipairs(methods) do
        tests[#tests + 1] = { name = name .. '.' .. m, fn = function() return v[m](v) end }
      end
    end
  end
  return tests
end

local LuaUnit = {}
M.LuaUnit = LuaUnit

--- Runs every global test function and Test* table; returns the number of tests not passed.
function LuaUnit.run(...)
  local intact = package.loaded['luaunit'] == M and require == orig_require and M.LuaUnit == LuaUnit
  local tests = collect()
  local failures, errors, marks, details = 0, 0, {}, {}
  for _, t in ipairs(tests) do
    local ok, err = xpcall(t.fn, function(e)
      if getmetatable(e) == FAILURE then return e end
      return { error = true, msg = tostring(e) }
    end)
    if ok then
      marks[#marks + 1] = '.'
    elseif getmetatable(err) == FAILURE then
      failures = failures + 1
      marks[#marks + 1] = 'F'
      details[#details + 1] = t.name .. '\n' .. err.msg
    else
      errors = errors + 1
      marks[#marks + 1] = 'E'
      details[#details + 1] = t.name .. '\n' .. err.msg
    end
  end
  print(table.concat(marks))
  if #details > 0 then
    print('Failed tests:\n-------------')
    for i, d in ipairs(details) do print(i .. ') ' .. d) end
  end
  print(string.format('Ran %d tests, %d successes, %d failures, %d errors', #tests, #tests - failures - errors, failures, errors))
  print((failures + errors == 0) and 'OK' or 'FAILED')
  if report then report(#tests, failures, errors, assertions, intact) end
  return failures + errors
end
M.run = LuaUnit.run

return M
