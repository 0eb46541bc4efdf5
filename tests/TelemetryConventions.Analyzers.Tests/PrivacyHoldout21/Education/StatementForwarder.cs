using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Support.Xapi;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Education;

public interface ILearningRecordStore
{
    Task<IReadOnlyList<Guid>> StoreAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken);
}

public sealed class StatementRejectedException(Guid? statementId, string reason) : Exception($"Statement {statementId} rejected: {reason}");

/// <summary>Receives xAPI statements from the course players and forwards them to the learning record store.</summary>
public sealed class StatementForwarder(ILearningRecordStore lrs, Pseudonymizer pseudonymizer, Meter meter, ILogger<StatementForwarder> logger)
{
    private const string MailtoPrefix = "mailto:";
    private static readonly ActivitySource Source = new("Campus.Xapi");
    private static readonly Uri Answered = new("http://adlnet.gov/expapi/verbs/answered");

    public async Task ForwardAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        using var span = Source.StartInterchangeMessage("xapi", "statements");
        span.SetInterchangeSegmentCount(statements.Count);

        foreach (var statement in statements)
        {
            Validate(statement);
            var actor = statement.Actor;
            var verb = statement.Verb.Display.GetValueOrDefault("en-US") ?? statement.Verb.Id.Segments[^1];
            Activity.Current?.AddEvent(new ActivityEvent("xapi.statement", tags: new ActivityTagsCollection { ["xapi.statement.id"] = statement.Id, ["xapi.verb"] = verb, ["xapi.object"] = statement.Target.Id.AbsoluteUri })); // clean direct
            logger.LogDebug("Statement {StatementId} {Verb} by {Actor}", statement.Id, verb, actor.Mbox); // leak TC1001 direct

            if (actor.Mbox is { } mbox)
            {
                var mboxSha1 = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(mbox))).ToLowerInvariant();
                logger.LogDebug("Actor mbox_sha1sum {MboxSha1Sum}", mboxSha1); // leak TC1002 hashes
                Activity.Current?.SetTag("xapi.actor.mbox_domain", mbox[(mbox.IndexOf('@') + 1)..]); // clean precision-about
                span.SetInterchangeSubjectId(pseudonymizer.PseudonymizeInterchangeSubjectId(mbox[MailtoPrefix.Length..])); // clean precision-pseudonym
            }
            else if (actor.Account is { } account)
            {
                logger.LogDebug("Actor account {AccountName} at {HomePage}", account.Name, account.HomePage); // leak TC1001 direct
                Activity.Current?.SetTag("xapi.actor.account_home_page", account.HomePage); // clean precision-names
            }

            Activity.Current?.SetTag("xapi.actor.object_type", actor.ObjectType); // clean precision-names
            if (statement.Context?.Instructor is { } instructor)
            {
                Activity.Current?.SetTag("xapi.context.instructor", instructor.Name); // leak TC1001 direct
            }

            if (statement.Verb.Id == Answered && statement.Result?.Response is { Length: > 0 } response)
            {
                logger.LogDebug("Answer {Response} scored {Scaled}", response, statement.Result.Score?.Scaled); // leak TC1001 direct
            }

            if (statement.Result?.Score?.Scaled is { } scaled)
            {
                Activity.Current?.SetTag("xapi.result.score_scaled", scaled); // clean precision-about
            }

            meter.CreateInterchangeMessagesCounter().Add(1, "xapi", verb); // clean generated-api
        }

        try
        {
            var stored = await lrs.StoreAsync(statements, cancellationToken);
            span.SetInterchangeOutcome($"stored {stored.Count}");
        }
        catch (StatementRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("LRS rejected the batch; first statement {@Statement}", statements[0]); // leak TC1001 logging-objects
        }
    }

    private static void Validate(Statement statement)
    {
        var identifiers = new[] { statement.Actor.Mbox, statement.Actor.MboxSha1Sum, statement.Actor.Account?.Name }.Count(i => i is not null);
        if (identifiers != 1)
        {
            throw new StatementRejectedException(statement.Id, $"actor has {identifiers} inverse functional identifiers");
        }
    }
}
