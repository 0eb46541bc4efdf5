using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 in code that sends telemetry on behalf of other code: a dispatch proxy's arguments, and a
/// decorator's method called through the interface it implements.
/// </summary>
public class TC1001ProxyTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Linq;
        using System.Reflection;
        using System.Threading.Tasks;

        """;

    [Fact]
    public async Task A_dispatch_proxy_s_arguments_are_those_of_the_interface_it_is_made_for()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface IPatientRecords
            {
                Task<string> FindAsync(string nhsNumber);
            }

            public interface IWardBoard
            {
                int Beds(string wardCode);
            }

            public class RecordsAudit : DispatchProxy
            {
                public static IPatientRecords Wrap() => Create<IPatientRecords, RecordsAudit>();

                protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
                {
                    Activity.Current?.SetTag("records.subject", {|TC1001:args?.FirstOrDefault()|});
                    Activity.Current?.SetTag("records.argument_count", args?.Length ?? 0);
                    return null;
                }
            }

            public class BoardAudit : DispatchProxy
            {
                public static IWardBoard Wrap() => Create<IWardBoard, BoardAudit>();

                protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
                {
                    Activity.Current?.SetTag("board.argument", args?.FirstOrDefault());
                    return null;
                }
            }

            public class AnyAudit<T> : DispatchProxy where T : class
            {
                public static T Wrap() => Create<T, AnyAudit<T>>();

                protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
                {
                    Activity.Current?.SetTag("call.argument", args?.FirstOrDefault());
                    return null;
                }
            }
            """);
    }

    [Fact]
    public async Task A_decorator_s_own_line_is_told_when_a_call_through_its_interface_hands_it_an_identifier()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface IMeterStore
            {
                void Touch(string key);
            }

            public sealed class TracedMeterStore : IMeterStore
            {
                public void Touch(string key) => Activity.Current?.SetTag("store.key", {|TC1001:key|});
            }

            public sealed class Reads(IMeterStore store)
            {
                public void Read(string meterSerial) => store.Touch({|TC1001:meterSerial|});

                public void Tariff(string tariffCode) => store.Touch(tariffCode);
            }
            """);
    }
}
