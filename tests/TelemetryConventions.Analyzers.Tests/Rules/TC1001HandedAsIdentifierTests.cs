using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on a value whose name says nothing (a data loader's keys, a message key, a field) that the
/// same method passes to a parameter named for a person's identifier: the called method says what it is.
/// </summary>
public class TC1001HandedAsIdentifierTests
{
    private const string Shapes = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public sealed record Appointment(Guid Id, string Clinic);

        public interface IAppointmentBook
        {
            Task<IReadOnlyList<Appointment>> ForPatientsAsync(IReadOnlyList<string> nhsNumbers, CancellationToken cancellationToken);
            Task<bool> IsRegisteredAsync(string nhsNumber, string practiceCode, CancellationToken cancellationToken);
            Task PostAsync(string channel, string text, CancellationToken cancellationToken);
        }

        public interface IReviewPlatform
        {
            Task<int> ReviewCountAsync(string subjectId, CancellationToken cancellationToken);
        }

        public interface IDistinctCounter
        {
            Task<long> AddDistinctAsync(string key, string member, CancellationToken cancellationToken);
        }

        public sealed record ClanPost(string PostId, string ClanId);

        public sealed class Message { public string Key { get; set; } = ""; public string Topic { get; set; } = ""; }

        """;

    [Fact]
    public async Task A_value_the_method_hands_over_as_an_identifier_leaks_where_it_is_sent()
    {
        await VerifyCS.AnalyzerAsync(Shapes + """
            public sealed class AppointmentsLoader(IAppointmentBook book, ILogger<AppointmentsLoader> logger)
            {
                public async Task<IReadOnlyList<Appointment>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
                {
                    logger.LogDebug("Loading appointments for {Count} patients ({Keys})", keys.Count, {|TC1001:string.Join(",", keys)|});
                    return await book.ForPatientsAsync(keys, cancellationToken);
                }

                public async Task CheckAsync(Activity span, Message message, CancellationToken cancellationToken)
                {
                    span.SetTag("messaging.kafka.message.key", {|TC1001:message.Key|});
                    span.SetTag("messaging.destination", message.Topic);
                    span.SetTag("message.key_length", message.Key.Length);
                    if (await book.IsRegisteredAsync(message.Key, practiceCode: "P81", cancellationToken))
                    {
                        span.SetTag("registered", true);
                    }
                }

                public async Task LateAsync(Activity span, Message message, int files, CancellationToken cancellationToken)
                {
                    // A branch that leaves for a reason other than the key: the key is the same on both paths.
                    if (files > 3)
                    {
                        span.SetTag("rejected.key", {|TC1001:message.Key|});
                        return;
                    }
                    await book.IsRegisteredAsync(message.Key, "P81", cancellationToken);
                }

                public async Task FeedAsync(Activity span, Message message, ClanPost post, CancellationToken cancellationToken)
                {
                    // A value named as a thing's id stays that thing's, whatever the callee calls its parameter.
                    await book.IsRegisteredAsync(post.ClanId, "P81", cancellationToken);
                    span.SetTag("clan", post.ClanId);
                }
            }
            """);
    }

    [Fact]
    public async Task Values_handed_to_free_text_or_only_on_another_branch_or_in_another_method_are_judged_as_before()
    {
        await VerifyCS.AnalyzerAsync(Shapes + """
            public sealed class Notices(IAppointmentBook book, ILogger<Notices> logger)
            {
                public async Task PostAsync(Activity span, string summary, CancellationToken cancellationToken)
                {
                    // text names no person: the summary is not thereby one.
                    await book.PostAsync("ops", text: summary, cancellationToken);
                    logger.LogInformation("Posted {Summary}", summary);
                }

                public async Task RouteAsync(Activity span, Message message, bool fromPatient, CancellationToken cancellationToken)
                {
                    // The code decided: the key is an NHS number only on the branch that says so.
                    if (fromPatient)
                    {
                        await book.IsRegisteredAsync(message.Key, "P81", cancellationToken);
                    }
                    else
                    {
                        span.SetTag("messaging.kafka.message.key", message.Key);
                    }
                }

                public async Task ScanAsync(Activity span, Message message, CancellationToken cancellationToken)
                {
                    // A branch that leaves after looking at the key: the code after it runs only for the other kind.
                    var kind = message.Key.StartsWith("APT-") ? "letter" : "nhs-app";
                    if (kind == "letter")
                    {
                        span.SetTag("appointment.reference", message.Key);
                        return;
                    }
                    await book.IsRegisteredAsync(message.Key, "P81", cancellationToken);
                }

                public async Task CountAsync(Activity span, IDistinctCounter counter, string pharmacy, CancellationToken cancellationToken)
                {
                    // A set's member is an element, not a person.
                    await counter.AddDistinctAsync("pharmacies", pharmacy, cancellationToken);
                    span.SetTag("dispense.pharmacy", pharmacy);
                }

                public void Other(Activity span, Message message)
                {
                    // Another method: the key is judged by its name here.
                    span.SetTag("messaging.kafka.message.key", message.Key);
                }

                public async Task ReviewsAsync(Activity span, IReviewPlatform reviews, string sku, CancellationToken cancellationToken)
                {
                    // A review's subject is the thing reviewed: a product handed to it stays a product.
                    await reviews.ReviewCountAsync(sku, cancellationToken);
                    span.SetTag("review.product", sku);
                }
            }
            """);
    }
}
