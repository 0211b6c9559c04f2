;; The cheapest possible actor, written by hand against the canonical ABI: it proves the playground
;; works with components that no toolchain produced, and gives a baseline for the cost of a call.
;; handle-message answers ok, passes the incoming state straight through and sends no message.
(module
  ;; One page holds the return area and the usual small message; cabi_realloc grows it on demand.
  (memory (export "memory") 1)

  ;; The result is too big for flat return values, so it goes through this static return area:
  ;;   +0 result discriminant (0 = ok)   +4 option discriminant of the new state
  ;;   +8 state pointer   +12 state length   +16 messages pointer   +20 messages length
  (global $return_area i32 (i32.const 16))
  ;; Everything the host lowers into this instance (the state, strings, data) is bump-allocated
  ;; from here and released all at once after each call, in the post-return function.
  (global $heap_base i32 (i32.const 64))
  (global $bump (mut i32) (i32.const 64))

  ;; Twelve flat parameters: option<list<u8>> state (3), then the websocket-message record:
  ;; message-type (discriminant, other's string pointer and length), option<list<u8>> data (3),
  ;; option<string> text (3). Only the state is needed.
  (func (export "theater:simple/websocket-server#handle-message")
    (param $state_is_some i32) (param $state_ptr i32) (param $state_len i32)
    (param $type i32) (param $other_ptr i32) (param $other_len i32)
    (param $data_is_some i32) (param $data_ptr i32) (param $data_len i32)
    (param $text_is_some i32) (param $text_ptr i32) (param $text_len i32)
    (result i32)
    (i32.store8 offset=0 (global.get $return_area) (i32.const 0))
    ;; The state's bytes already live in this memory: hand back the same pointer, no copy.
    (i32.store8 offset=4 (global.get $return_area) (local.get $state_is_some))
    (i32.store offset=8 (global.get $return_area) (local.get $state_ptr))
    (i32.store offset=12 (global.get $return_area) (local.get $state_len))
    ;; An empty list still needs a pointer aligned for its element type (4): any aligned one will do.
    (i32.store offset=16 (global.get $return_area) (global.get $heap_base))
    (i32.store offset=20 (global.get $return_area) (i32.const 0))
    (global.get $return_area))

  ;; Called by the host once it has read the result: nothing lowered for this call is needed any
  ;; more, so memory stays the same size however many calls are made.
  (func (export "cabi_post_theater:simple/websocket-server#handle-message") (param $return i32)
    (global.set $bump (global.get $heap_base)))

  (func (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32)
    (result i32)
    (local $ptr i32) (local $end i32) (local $pages i32)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $ptr) (local.get $new_size)))
    ;; A request past 4 GiB wraps around: trap rather than hand out memory already in use.
    (if (i32.lt_u (local.get $end) (local.get $ptr)) (then unreachable))
    ;; Pages needed to reach $end, computed without overflowing.
    (local.set $pages
      (i32.add (i32.shr_u (local.get $end) (i32.const 16))
               (i32.ne (i32.and (local.get $end) (i32.const 0xffff)) (i32.const 0))))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then unreachable))))
    (global.set $bump (local.get $end))
    ;; The host only reallocates when it cannot size a buffer up front; keep the old bytes then.
    (if (local.get $old_ptr)
      (then
        (memory.copy (local.get $ptr) (local.get $old_ptr)
          (select (local.get $old_size) (local.get $new_size)
                  (i32.lt_u (local.get $old_size) (local.get $new_size))))))
    (local.get $ptr))
)
