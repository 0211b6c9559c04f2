;; The shape of an actor for today's Theater (Pack runtime): a core module, not a component. Pack
;; finds its interfaces through `__pack_types` (a pointer to CGRF-encoded metadata in memory) and
;; calls exports by their full names, such as `theater:simple/actor.init`. The bodies do nothing:
;; the playground only has to recognise the module from its exports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "CGRF")
  (func (export "__pack_types") (param i32 i32) (result i32)
    i32.const 16)
  (func (export "theater:simple/actor.init") (param i32 i32 i32 i32) (result i32)
    i32.const 0))
