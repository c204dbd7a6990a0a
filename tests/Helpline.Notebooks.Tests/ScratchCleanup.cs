using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Helpline.Notebooks.Tests.ScratchCleanup", "Helpline.Notebooks.Tests")]

namespace Helpline.Notebooks.Tests;

/// <summary>
/// xunit as it is, but the run's <see cref="Scratch"/> folder is removed once every test has finished, before the run
/// reports its end: the test host is stopped soon after that report, too soon to remove 150 MB on the way out.
/// </summary>
public sealed class ScratchCleanup(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // async void as in the method it overrides: the runner reports its end to the sink, which the host waits for.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            Aggregator.Run(Scratch.RemoveOwn);
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
