-- Cycles through the request paths in $WRK_PATHS (one per line), so wrk replays the query mix.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end
local i = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
