using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at a throw: an exception whose message carries an identifier and that nothing in the
/// source catches reaches the host, which logs it and records it on the request's span.
/// </summary>
public class TC1001ThrownExceptionTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading.Tasks;

        """;

    [Fact]
    public async Task An_exception_naming_a_person_thrown_out_of_a_method_no_source_calls_is_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class PatientNotRegisteredException(string nhsNumber) : Exception($"No patient with NHS number {nhsNumber}");

            public sealed class AppointmentsController
            {
                private readonly Dictionary<string, string> _patients = new();

                public string Book(string nhsNumber, string clinicId)
                {
                    if (!_patients.TryGetValue(nhsNumber, out var patient))
                    {
                        throw new PatientNotRegisteredException({|TC1001:nhsNumber|});
                    }
                    return patient;
                }

                public string Clinic(string clinicId) =>
                    _patients.GetValueOrDefault(clinicId) ?? throw new KeyNotFoundException($"No clinic {clinicId}");

                public void Cancel(string customerEmail)
                {
                    var error = new InvalidOperationException($"No booking for {customerEmail}");
                    throw {|TC1001:error|};
                }
            }
            """);
    }

    [Fact]
    public async Task An_exception_caught_in_its_method_or_by_every_caller_is_not_reported_at_the_throw()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Charts
            {
                public bool TryOpen(Activity activity, string mrn)
                {
                    try
                    {
                        throw new InvalidOperationException($"Chart of {mrn} is locked");
                    }
                    catch (InvalidOperationException)
                    {
                        activity.SetTag("chart.locked", true);
                        return false;
                    }
                }

                private static void EnsureOpen(string mrn) => throw new InvalidOperationException($"Chart of {mrn} is locked");

                public bool Check(Activity activity, string mrn)
                {
                    try
                    {
                        EnsureOpen(mrn);
                        return true;
                    }
                    catch (InvalidOperationException)
                    {
                        activity.SetTag("chart.locked", true);
                        return false;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_catch_of_another_type_does_not_take_it_and_a_caller_that_does_not_catch_hands_it_the_identifier()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Enrolments
            {
                public void Enrol(string studentNumber)
                {
                    try
                    {
                        throw new InvalidOperationException($"Student {{|TC1001:studentNumber|}} is already enrolled");
                    }
                    catch (ArgumentException)
                    {
                    }
                }

                private static void EnsureEligible(string studentNumber) =>
                    throw new InvalidOperationException($"Student {{|TC1001:studentNumber|}} is not eligible");

                public void Transfer(string studentNumber) => EnsureEligible({|TC1001:studentNumber|});
            }
            """);
    }

    [Fact]
    public async Task A_throw_in_a_callback_leaves_with_the_callback_while_one_in_a_query_is_caught_around_it()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public static class Endpoints
            {
                public static void Map(Action<Func<string, string>> map, IEnumerable<string> playerIds)
                {
                    try
                    {
                        map(playerId => throw new InvalidOperationException($"Player {{|TC1001:playerId|}} is banned"));
                        var checkedIds = playerIds.Select(playerId => playerId.Length > 0 ? playerId : throw new InvalidOperationException($"Player {playerId} is blank")).ToList();
                    }
                    catch (Exception)
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_implementation_is_judged_by_the_calls_of_its_interface()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public interface IFareCalculator { decimal Calculate(string riderPhone); }
            public interface IConsumer { Task Consume(string riderPhone); }

            public sealed class FareCalculator : IFareCalculator
            {
                public decimal Calculate(string riderPhone) => throw new InvalidOperationException($"Rider {riderPhone} disputes the fare");
            }

            public sealed class DisputeConsumer : IConsumer
            {
                public Task Consume(string riderPhone) => throw new InvalidOperationException($"Rider {{|TC1001:riderPhone|}} disputes the fare");
            }

            public sealed class Trips(IFareCalculator calculator)
            {
                public decimal Complete(string riderPhone)
                {
                    try
                    {
                        return calculator.Calculate(riderPhone);
                    }
                    catch (InvalidOperationException)
                    {
                        return 0m;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_call_that_hands_an_identifier_to_a_method_that_throws_with_it_is_reported_at_the_call()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Reminders
            {
                public void Remind(string key) => throw {|TC1001:new InvalidOperationException($"Nobody to remind for {key}")|};

                public void Schedule(Guid playerId, string tripId)
                {
                    Remind({|TC1001:playerId.ToString()|});
                    Remind(tripId);
                }
            }
            """);
    }
}
