-- wrk script of IndicatorBenchmark: POSTs /api/v1/submissions with the documents of a file, one JSON document per
-- line, in turn. Arguments after "--": the file, the bearer token, the number of wrk threads. Each thread posts only
-- the zones of its own share (the zones in order of first appearance, dealt out in turn), and its connections take
-- consecutive documents, so two connections post the same zone-period at the same moment only when a thread's
-- connections outnumber its zones. Concurrent posts of one zone-period are serialised by its revision counter; 20
-- provincial systems posting their own zones rarely make them.
local index = 0

function setup(thread)
  thread:set("index", index)
  index = index + 1
end

function init(args)
  local threads = tonumber(args[3])
  local zones = {}
  local seen = 0
  bodies = {}
  for line in io.lines(args[1]) do
    local zone = line:match('"zone"%s*:%s*"([^"]+)"')
    if zones[zone] == nil then
      zones[zone] = seen
      seen = seen + 1
    end
    if zones[zone] % threads == index then
      bodies[#bodies + 1] = line
    end
  end
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. args[2] }
  counter = 0
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", "/api/v1/submissions", headers, bodies[counter])
end
