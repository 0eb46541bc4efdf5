using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on text a localizer formats with a person's data (<c>localizer["Greeting", name]</c>), and on
/// a person's full name held by the application's own types.
/// </summary>
public class TC1001LocalizedTextTests
{
    private const string Localization = """
        namespace Microsoft.Extensions.Localization
        {
            public class LocalizedString(string name, string value)
            {
                public string Name { get; } = name;
                public string Value { get; } = value;
                public bool ResourceNotFound { get; }
                public static implicit operator string(LocalizedString localized) => localized.Value;
                public override string ToString() => Value;
            }

            public interface IStringLocalizer
            {
                LocalizedString this[string name] { get; }
                LocalizedString this[string name, params object[] arguments] { get; }
            }

            public interface IStringLocalizer<out T> : IStringLocalizer { }

            public static class StringLocalizerExtensions
            {
                public static LocalizedString GetString(this IStringLocalizer localizer, string name, params object[] arguments) => localizer[name, arguments];
            }
        }
        """;

    [Fact]
    public async Task Text_a_localizer_fills_with_a_persons_data_leaks_and_its_key_or_other_text_does_not()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using Microsoft.Extensions.Localization;
            using Microsoft.Extensions.Logging;

            public sealed class Student { public string StudentNumber { get; set; } = ""; public string PreferredName { get; set; } = ""; public int Due { get; set; } }

            public sealed class Greeter(IStringLocalizer<Greeter> localizer, ILogger<Greeter> logger)
            {
                public void Greet(Activity span, Student student, string bookingReference)
                {
                    var greeting = localizer["Greeting.Morning", student.PreferredName];
                    var due = localizer["Due.Other", student.Due];
                    span.SetTag("greeting.key", greeting.Name);
                    span.SetTag("greeting.text", {|TC1001:greeting.Value|});
                    span.SetTag("due.text", due.Value);
                    span.SetTag("subject", localizer["Confirm.Subject", bookingReference].Value);
                    span.SetTag("title", localizer["Appointment reminder"].Value);
                    string text = localizer["Welcome", student.StudentNumber];
                    logger.LogInformation("Shown {Text}", {|TC1001:text|});
                    logger.LogInformation("Shown {Text}", {|TC1001:localizer.GetString("Welcome", student.PreferredName).Value|});
                    logger.LogInformation("Shown {Text}", localizer.GetString("Due.Other", student.Due).Value);
                    logger.LogInformation("Missing {Key}", greeting.Name);
                }
            }
            """ + Localization);
    }

    [Fact]
    public async Task A_full_name_of_the_applications_own_types_is_a_persons_and_the_frameworks_or_a_files_is_not()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            public sealed record AssistanceBooking(string BookingReference, string FullName);
            public sealed class ArchiveEntry { public string FullName { get; set; } = ""; }
            public sealed class Method { public string FullName { get; set; } = ""; }

            public sealed class Confirmations(ILogger<Confirmations> logger)
            {
                public void Confirm(Activity span, AssistanceBooking booking, ArchiveEntry entry, Method method, Exception error)
                {
                    span.DisplayName = $"assistance {booking.BookingReference} for {{|TC1001:booking.FullName|}}";
                    span.SetTag("archive.entry", entry.FullName);
                    span.SetTag("rpc.method", method.FullName);
                    span.SetTag("error.type", error.GetType().FullName);
                    span.SetTag("handler", typeof(Confirmations).FullName);
                }

                public void Register(string fullName, string bookingReference) =>
                    logger.LogInformation("Registered {Name} for {Booking}", {|TC1001:fullName|}, bookingReference);
            }
            """);
    }
}
