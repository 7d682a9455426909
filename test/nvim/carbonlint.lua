-- Headless Neovim (0.7+) as a second real LSP client for CarbonLint, driven by test/nvim/nvim.test.ts:
--   nvim --headless --clean -u NONE -c 'luafile test/nvim/carbonlint.lua' <deployment.toml>
-- Starts `node <CARBONLINT_SERVER> --stdio`, waits for the diagnostics of the buffer, asks for the code actions on
-- the default admin password, applies the quick fix with vim.lsp.util.apply_workspace_edit, writes the buffer, waits
-- for the new diagnostics, and writes what happened to CARBONLINT_RESULT as JSON. Every wait is bounded.
local server = assert(os.getenv('CARBONLINT_SERVER'), 'CARBONLINT_SERVER is not set')
local result_file = assert(os.getenv('CARBONLINT_RESULT'), 'CARBONLINT_RESULT is not set')
local fix_title = os.getenv('CARBONLINT_FIX_TITLE') or 'Read the admin password from the environment'
local wait_ms = tonumber(os.getenv('CARBONLINT_WAIT_MS') or '15000')

local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, steps = {} }
local function step(name, data)
  table.insert(result.steps, { name = name, at_ms = ms(), data = data })
end
local function finish(ok, reason)
  result.ok = ok
  result.reason = reason
  result.total_ms = ms()
  local f = assert(io.open(result_file, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  result.uri = uri
  local published = {} -- every publishDiagnostics for this buffer, in order

  local client_id = vim.lsp.start_client({
    name = 'carbonlint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h'),
    settings = { carbonlint = { enable = true } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        if params.uri == uri then
          table.insert(published, { version = params.version, diagnostics = params.diagnostics, at_ms = ms() })
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(e, params, ctx, config)
      end,
    },
  })
  if not client_id then return finish(false, 'vim.lsp.start_client returned nil') end
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function find_admin_error(p)
    for _, d in ipairs(p.diagnostics) do
      if d.code == 'default-admin-credentials' and d.severity == 1 then return d end
    end
  end

  -- 1. diagnostics for the opened buffer
  local first
  vim.wait(wait_ms, function()
    for _, p in ipairs(published) do
      if find_admin_error(p) then first = p return true end
    end
    return false
  end, 20)
  result.published_before_fix = vim.deepcopy(published)
  if not first then return finish(false, 'no default-admin-credentials error diagnostic within ' .. wait_ms .. ' ms') end
  local diag = find_admin_error(first)
  step('diagnostics', { count = #first.diagnostics, version = first.version, admin = diag })

  -- 2. code actions on the password, as :lua vim.lsp.buf.code_action() would ask for them
  local response, req_err = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diag.range,
    context = { diagnostics = { diag } },
  }, wait_ms, buf)
  if not response then return finish(false, 'codeAction request failed: ' .. tostring(req_err)) end
  if response.err then return finish(false, 'codeAction error: ' .. vim.inspect(response.err)) end
  local titles, chosen = {}, nil
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if not chosen and action.title:sub(1, #fix_title) == fix_title then chosen = action end
  end
  step('code actions', { titles = titles })
  if not chosen then return finish(false, 'no code action titled "' .. fix_title .. '..."; got ' .. vim.inspect(titles)) end
  if not chosen.edit then return finish(false, 'the code action has no edit') end

  -- 3. apply it, write the buffer, wait for the diagnostics of the new version
  local version_before = vim.lsp.util.buf_versions[buf]
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  result.applied = true
  result.buffer_after_fix = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  vim.cmd('write')
  step('applied and written', { version_before = version_before, version_after = vim.lsp.util.buf_versions[buf] })

  local after
  vim.wait(wait_ms, function()
    local last = published[#published]
    if last and last.version and version_before and last.version > version_before then after = last return true end
    return false
  end, 20)
  if not after then return finish(false, 'no diagnostics for the edited buffer within ' .. wait_ms .. ' ms') end
  result.diagnostics_after_fix = after.diagnostics
  step('diagnostics after fix', { count = #after.diagnostics, version = after.version })

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  finish(true, nil)
end)
if not ok then finish(false, 'Lua error: ' .. tostring(err)) end
