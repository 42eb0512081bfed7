// The local stack: see DESIGN.md §7. Filled in by the AppHost work.
return 0;
