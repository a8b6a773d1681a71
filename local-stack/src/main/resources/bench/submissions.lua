-- wrk script of IndicatorBenchmark: POSTs /api/v1/submissions with the documents of a file, one JSON document per
-- line, in turn. Arguments after "--": the file, the bearer token. Each thread starts at its own place in the file,
-- so two threads do not post the same zone-period at the same moment.
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    bodies[#bodies + 1] = line
  end
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. args[2] }
  counter = (offset * 997) % #bodies
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", "/api/v1/submissions", headers, bodies[counter])
end
