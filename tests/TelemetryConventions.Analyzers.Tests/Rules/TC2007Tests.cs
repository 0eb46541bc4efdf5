using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.DeprecatedLogPlaceholderAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC2007Tests
{
    private const string Renamed = "; it was renamed to 'patient.id'";

    [Fact]
    public async Task A_deprecated_attribute_as_a_placeholder_of_a_logger_extension_call_is_reported()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            class Visit
            {
                void Record(ILogger logger, string hashed)
                {
                    logger.LogInformation({|#0:"Visit of {patient.id.hashed}"|}, hashed);
                    logger.LogWarning({|#1:"Visit of {PatientIdHashed:x}"|}, hashed);
                    logger.Log(LogLevel.Error, {|#2:"Visit of {@patient_id_hashed}"|}, hashed);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Placeholder 'patient.id.hashed'", "patient.id.hashed", Renamed),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Placeholder 'PatientIdHashed'", "patient.id.hashed", Renamed),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("Placeholder 'patient_id_hashed'", "patient.id.hashed", Renamed));
    }

    [Fact]
    public async Task Logger_message_attributes_and_define_templates_are_checked()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [{|#0:LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Visit of {PatientIdHashed}")|}]
                public static partial void Visit(ILogger logger, string patientIdHashed);

                public static readonly Action<ILogger, string, Exception?> Define =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(2), {|#1:"Visit of {patient.id.hashed}"|});

                public static partial void Visit(ILogger logger, string patientIdHashed) { }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Placeholder 'PatientIdHashed'", "patient.id.hashed", Renamed),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Placeholder 'patient.id.hashed'", "patient.id.hashed", Renamed));
    }

    [Fact]
    public async Task A_logger_message_parameter_the_message_does_not_use_is_reported_at_the_parameter()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Visit started")]
                public static partial void Visit(ILogger logger, string {|#0:patientIdHashed|}, string department);

                public static partial void Visit(ILogger logger, string patientIdHashed, string department) { }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Parameter 'patientIdHashed' (logged under its name)", "patient.id.hashed", Renamed));
    }

    [Fact]
    public async Task Current_attributes_unknown_names_and_escaped_braces_are_left_alone()
    {
        await VerifyCS.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            class Visit
            {
                void Record(ILogger logger, string department, int count)
                {
                    logger.LogInformation("Visit in {hospital.department} of {Count} patients", department, count);
                    logger.LogInformation("Literal {{patient.id.hashed}} braces");
                }
            }
            """);
    }
}
