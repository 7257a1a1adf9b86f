using System.Runtime.InteropServices;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// Tells whether <c>--output</c> names the input under any name, before anything is opened for writing: on Linux by
/// the file's identity (device and inode, from <c>statx</c>), so hard links, symbolic links and bind mounts are all
/// caught; elsewhere by the full path with symbolic links resolved.
/// </summary>
internal static partial class SameFileAs
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxIno = 0x100;

    /// <summary>Gets whether two paths name the same existing file.</summary>
    /// <param name="input">The input path.</param>
    /// <param name="output">The output path.</param>
    /// <returns><see langword="true"/> when they do; <see langword="false"/> when not, or when either does not exist.</returns>
    public static bool Paths(string input, string output)
    {
        if (OperatingSystem.IsLinux() && Identity(AtFdCwd, input, 0) is { } a)
        {
            return Identity(AtFdCwd, output, 0) is { } b && a == b;
        }

        return ByPath(input, output);
    }

    /// <summary>Gets whether the output path names the file that standard input reads (<c>check - &lt; in.json -o in.json</c>).</summary>
    /// <param name="console">The console; only a process's own standard input (<see cref="CliConsole.InputFileDescriptor"/>) can be checked.</param>
    /// <param name="output">The output path.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool StandardInput(CliConsole console, string output) =>
        OperatingSystem.IsLinux()
        && console.InputFileDescriptor is int fd
        && Identity(fd, string.Empty, AtEmptyPath) is { } a
        && Identity(AtFdCwd, output, 0) is { } b
        && a == b;

    /// <summary>The device and inode of a file, or <see langword="null"/> when it cannot be found out.</summary>
    internal static (uint Major, uint Minor, ulong Inode)? Identity(int directory, string path, int flags)
    {
        try
        {
            return Statx(directory, path, flags, StatxIno, out var info) == 0 && (info.Mask & StatxIno) != 0
                ? (info.DevMajor, info.DevMinor, info.Inode)
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library without statx (glibc before 2.28): the path comparison stands in
        }
    }

    private static bool ByPath(string first, string second)
    {
        try
        {
            var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            return string.Equals(Resolve(first), Resolve(second), comparison);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false; // opening the file reports the problem
        }

        static string Resolve(string path)
        {
            var info = new FileInfo(Path.GetFullPath(path));
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>Linux <c>struct statx</c> (256 bytes, the same on every architecture); only the fields used are declared.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DevMajor;

        [FieldOffset(140)]
        public uint DevMinor;
    }
}
