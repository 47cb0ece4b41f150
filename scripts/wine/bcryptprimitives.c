/* Wine 8 lacks bcryptprimitives.dll, whose ProcessPrng Rust's Windows std
 * imports for randomness; without it every Rust .exe fails to load under
 * Wine (status c0000135). This stand-in forwards to advapi32's RtlGenRandom
 * (exported as SystemFunction036). Only for running tests under Wine. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    return SystemFunction036(data, (ULONG)length);
}
