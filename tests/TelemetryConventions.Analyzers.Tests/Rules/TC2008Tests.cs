using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.LogPlaceholderTypeMismatchAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2008Tests
{
    [Fact]
    public async Task Logger_extension_arguments_of_another_type_are_reported()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            enum DeliveryStep { Picked, Delivered }

            class Visit
            {
                void Record(ILogger logger, string ageText, double age, double temperature, DeliveryStep step, int[] departments)
                {
                    logger.LogInformation("Patient of {PatientAge} years", {|#0:ageText|});
                    logger.LogWarning("Patient of {patient.age} years at {VitalTemperature}", {|#1:age|}, temperature);
                    logger.Log(LogLevel.Error, "Completed: {visit_completed}", {|#2:"yes"|});
                    logger.LogInformation("Step {DeliveryStep} then {DeliveryStep}", {|#3:step|}, {|#4:"pickedup"|});
                    logger.LogDebug("In {HospitalDepartment}", {|#5:departments|});
                    using var scope = logger.BeginScope("Aged {PatientAge}", {|#6:ageText|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Placeholder 'PatientAge'", "patient.age", "'int'", "a string"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Placeholder 'patient.age'", "patient.age", "'int'", "a double"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("Placeholder 'visit_completed'", "visit.completed", "'boolean'", "a string"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("Placeholder 'DeliveryStep'", "delivery.step", "an enum of string values", "the C# enum DeliveryStep, sent as its member name; use ToWireValue()"),
            VerifyCS.Diagnostic().WithLocation(4).WithArguments("Placeholder 'DeliveryStep'", "delivery.step", "an enum of string values", "'pickedup', which is not one of its members (picked, delivered)"),
            VerifyCS.Diagnostic().WithLocation(5).WithArguments("Placeholder 'HospitalDepartment'", "hospital.department", "'string'", "an int[]"),
            VerifyCS.Diagnostic().WithLocation(6).WithArguments("Placeholder 'PatientAge'", "patient.age", "'int'", "a string"));
    }

    [Fact]
    public async Task Define_type_arguments_and_logger_message_parameters_are_checked()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Patient of {PatientAge} years, completed {visitCompleted}")]
                public static partial void Visit(ILogger logger, string {|#0:patientAge|}, bool visitCompleted);

                public static readonly Action<ILogger, string, string, Exception?> Define =
                    LoggerMessage.Define<string, {|#2:string|}>(LogLevel.Information, new EventId(2), "In {hospital.department} at {vital.temperature}");

                public static partial void Visit(ILogger logger, string patientAge, bool visitCompleted) { }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Placeholder 'PatientAge'", "patient.age", "'int'", "a string"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("Placeholder 'vital.temperature'", "vital.temperature", "'double'", "a string"));
    }

    [Fact]
    public async Task Logger_message_parameters_the_message_does_not_use_are_checked_under_their_own_names()
    {
        // The logging generator puts every parameter in the record's state, used by the message or
        // not; the logger, the level and the exception are passed to the logger instead.
        await VerifyCS.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Message = "Visit completed")]
                public static partial void Visit(ILogger logger, LogLevel level, Exception error, string {|#0:patientAge|}, bool visitCompleted, string reason);

                [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Temperature {VitalTemperature}")]
                public static partial void Vitals(ILogger logger, double vitalTemperature, int {|#1:patient_age|});

                public static partial void Visit(ILogger logger, LogLevel level, Exception error, string patientAge, bool visitCompleted, string reason) { }
                public static partial void Vitals(ILogger logger, double vitalTemperature, int patient_age) { }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Parameter 'patientAge' (logged under its name)", "patient.age", "'int'", "a string"));
    }

    [Fact]
    public async Task Values_that_fit_or_whose_type_says_too_little_are_left_alone()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using TelemetryConventions;

            class Visit
            {
                void Record<T>(ILogger logger, int age, long bigAge, int? maybe, object boxed, T generic,
                    float temperature, Pseudonym patient, string ageText, object[] prebuilt)
                {
                    logger.LogInformation("Aged {PatientAge,5:N0} at {VitalTemperature:F1}", age, temperature);
                    logger.LogInformation("Aged {PatientAge}", bigAge);
                    logger.LogInformation("Aged {PatientAge}", maybe);
                    logger.LogInformation("Aged {PatientAge}", boxed);
                    logger.LogInformation("Aged {PatientAge}", (object)ageText);
                    logger.LogInformation("Aged {PatientAge}", generic);
                    logger.LogInformation("Aged {PatientAge}", null);
                    logger.LogInformation("Aged {@PatientAge}", ageText);
                    logger.LogInformation("Aged {PatientAge}", prebuilt);
                    logger.LogInformation("Patient {PatientId} in {hospital.department} step {DeliveryStep}", patient, "ward 3", "picked");
                    logger.LogInformation("Header {http.request.header.accept} and {Count} of {Unknown}", 5, ageText, 1.5);
                    logger.LogInformation("Literal {{PatientAge}} braces", ageText);
                }
            }
            """);
    }
}

public class TC2008CorpusTests
{
    [Fact]
    public async Task The_privacy_corpus_log_calls_raise_no_type_mismatch()
    {
        var folder = Path.Combine(Infrastructure.AllAnalyzers.RepoRoot, "tests", "TelemetryConventions.Analyzers.Tests", "PrivacyCorpus");
        var corpus = await Infrastructure.CorpusCompilation.BuildAsync(folder, "PrivacyCorpus.Telemetry");

        var reported = corpus.AnalyzerDiagnostics.Where(d => d.Id == "TC2008").Select(d => d.ToString()).ToList();

        Assert.True(reported.Count == 0, string.Join("\n", reported));
    }
}
