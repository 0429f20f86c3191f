#pragma once

namespace example {

inline long add(long a, long b) { return a + b; }

}  // namespace example
