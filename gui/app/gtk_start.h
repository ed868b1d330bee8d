#pragma once
// What GTK is told before it starts (Linux): the parts of its start-up the window has no use for.
// - No OpenGL: the window draws with cairo. Without GDK_GL=disable GDK probes GL at start-up and
//   maps the Mesa driver with LLVM (~45 MiB resident, docs/performance.md).
// - No accessibility bridge where there is no D-Bus session to reach a screen reader through:
//   without a session bus GTK's bridge forks the whole program to run `dbus-launch --autolaunch`
//   and waits for it (15-25 ms of every start, docs/performance.md), to reach an accessibility bus
//   that no assistive technology shares. With a session bus the bridge starts as usual.
// Values the environment already sets are kept. Call in main(), before wx and GTK start.
namespace madoguchi::gui {

void prepareGtkStart();

}  // namespace madoguchi::gui
