using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on a value whose name says nothing (a message key, a session id, a field) that the same
/// method hands a pseudonymiser at another place: the code treats it as a person's, so sent raw it leaks.
/// </summary>
public class TC1001PseudonymisedBesideTests
{
    [Fact]
    public async Task A_value_the_method_pseudonymises_elsewhere_leaks_where_it_is_sent_raw()
    {
        await VerifyCS.AnalyzerAsync("""
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;
            using TelemetryConventions;

            public sealed class Message { public string Key { get; set; } = ""; public string Topic { get; set; } = ""; }
            public sealed class ConsumeResult { public Message Message { get; set; } = new(); public int Partition { get; set; } }

            public sealed class ReadingConsumer(Pseudonymizer pseudonymizer, ILogger<ReadingConsumer> logger)
            {
                private string _subject = "";

                public void Assign(string subject) => _subject = subject;

                public void Process(Activity span, ConsumeResult result)
                {
                    span.SetTag("meter.ref", pseudonymizer.Pseudonymize("meter", result.Message.Key));
                    span.SetTag("messaging.kafka.message.key", {|TC1001:result.Message.Key|});
                    span.DisplayName = $"ingest {{|TC1001:result.Message.Key|}}";
                    span.SetTag("messaging.kafka.partition", result.Partition);
                    span.SetTag("messaging.destination", result.Message.Topic);
                    span.SetTag("meter.key_length", result.Message.Key.Length);
                    var key = result.Message.Key;
                    logger.LogDebug("Read {Ref}", pseudonymizer.Pseudonymize("meter", key));
                    logger.LogDebug("Read {Key}", {|TC1001:key|});
                }

                public void Release(Activity span)
                {
                    span.SetTag("task.subject", pseudonymizer.Pseudonymize("moderator", _subject));
                    logger.LogInformation("Released {Subject}", {|TC1001:_subject|});
                }

                public void Other(Activity span, ConsumeResult result)
                {
                    // Another method: the message key is judged by its name here.
                    span.SetTag("messaging.kafka.message.key", result.Message.Key);
                    span.SetTag("task.subject", _subject);
                }

                public void Tag(Activity span, string name, string value, bool personal)
                {
                    // A helper that pseudonymises on one branch only, by design.
                    span.SetTag(name, personal ? pseudonymizer.Pseudonymize("subject", value) : value);
                }

                public void Arguments(ILogger log, object?[] args, string?[] domains)
                {
                    // The same local, pseudonymised on one branch of a choice and sent as it is on the other.
                    for (var i = 0; i < args.Length; i++)
                    {
                        var raw = args[i]?.ToString() ?? "";
                        log.LogInformation("Argument {Value}", domains[i] is null ? raw : pseudonymizer.Pseudonymize(domains[i]!, raw));
                        if (domains[i] is { } domain)
                        {
                            log.LogInformation("Personal argument {Value}", pseudonymizer.Pseudonymize(domain, raw));
                        }
                        else
                        {
                            log.LogInformation("Plain argument {Value}", raw);
                        }
                    }
                }
            }
            """);
    }
    [Fact]
    public async Task A_collection_whose_elements_the_method_pseudonymises_leaks_where_it_is_sent_raw()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;
            using TelemetryConventions;

            public sealed record EntryTicket(string TicketId, IReadOnlyList<Guid> Roster, IReadOnlyList<string> Stages);

            public sealed class Entries(Pseudonymizer pseudonymizer, ILogger<Entries> logger)
            {
                public void Issued(EntryTicket ticket)
                {
                    logger.LogInformation("Roster {Roster}", {|TC1001:string.Join(",", ticket.Roster)|});
                    logger.LogInformation("Roster {Pseudonyms}", ticket.Roster.Select(p => pseudonymizer.Compute("player", p.ToString())).ToArray());
                    logger.LogInformation("Stages {Stages}", string.Join(",", ticket.Stages));
                    logger.LogInformation("Stages {Stages}", ticket.Stages.Select(s => s.ToUpperInvariant()).ToArray());
                }
            }
            """);
    }
}
