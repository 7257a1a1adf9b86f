using BenchmarkDotNet.Running;

namespace TherapyBilling.Rules.Benchmarks;

public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
