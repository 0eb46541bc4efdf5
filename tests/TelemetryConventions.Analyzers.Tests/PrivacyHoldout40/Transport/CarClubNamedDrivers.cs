using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Transport;

/// <summary>A car club member adds someone to their account as a named driver; the club's motor policy covers named drivers only.</summary>
public sealed record AddNamedDriver(Guid MemberId, string DriverName, string LicenceNumber, string LicenceCheckCode, DateOnly DateOfBirth, string Relationship) : IRequest<NamedDriverResult>;

public sealed record NamedDriverResult(bool Added, string Decision, int PenaltyPoints);

public sealed class NamedDriverLog
{
    public Guid MemberId { get; init; }

    public int DriversOnAccount { get; init; }

    public string Decision { get; init; } = "";

    public override string ToString() => $"member drivers={DriversOnAccount} decision={Decision}";
}

public static partial class DriverCheckLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Licence {LicenceNumber} checked: {Points} points")]
    public static partial void LicenceChecked(this ILogger logger, string licenceNumber, int points);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Named driver declined under rule {Rule} for licence {LicenceNumber}")]
    public static partial void NamedDriverDeclined(this ILogger logger, string rule, [PrivacyCorpus.Shared.PrivateData] string licenceNumber);
}

public sealed class AddNamedDriverHandler(
    IDriverLicenceCheck licences,
    IReadOnlyDictionary<Guid, List<string>> namedDriversByMember,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AddNamedDriverHandler> logger) : IRequestHandler<AddNamedDriver, NamedDriverResult>
{
    private const int MaxPoints = 6;
    private const int MinimumAge = 21;

    private readonly Counter<long> _checks = meter.CreateCounter<long>("carclub.licence_checks", "{check}");

    public async Task<NamedDriverResult> Handle(AddNamedDriver request, CancellationToken cancellationToken)
    {
        var drivers = namedDriversByMember.GetValueOrDefault(request.MemberId) ?? [];
        var quoteReference = "ND-" + Guid.NewGuid().ToString("N")[..8];

        LicenceCheckResult check;
        try
        {
            check = await licences.CheckAsync(request.LicenceNumber, request.LicenceCheckCode, cancellationToken);
        }
        catch (DriverRecordNotFoundException ex)
        {
            logger.LogWarning(ex, "Licence check failed for a named driver"); // leak TC1001 exceptions
            return new NamedDriverResult(false, "licence-not-found", 0);
        }
        catch (CheckCodeExpiredException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return new NamedDriverResult(false, "check-code-expired", 0);
        }

        logger.LicenceChecked(request.LicenceNumber, check.PenaltyPoints); // leak TC1001 cross-member
        _checks.Add(1, new KeyValuePair<string, object?>("valid", check.Valid), new KeyValuePair<string, object?>("category", check.LicenceCategory)); // clean precision-about

        var age = DateTime.UtcNow.Year - request.DateOfBirth.Year;
        var (decision, rule) = (check.Valid, check.PenaltyPoints, age) switch
        {
            (false, _, _) => (QuoteDecision.Declined, "ND-INVALID"),
            (_, > MaxPoints, _) => (QuoteDecision.Declined, "ND-POINTS"),
            (_, _, < MinimumAge) => (QuoteDecision.Referred, "ND-YOUNG"),
            _ => (QuoteDecision.Accepted, "ND-STANDARD"),
        };

        using var span = source.StartQuoteUnderwrite(quoteReference, decision);
        span.SetQuoteRule(rule);
        span.SetQuoteSubjectId(pseudonymizer.PseudonymizeQuoteSubjectId(request.MemberId.ToString())); // clean precision-pseudonym
        span.SetQuoteNote($"{check.PenaltyPoints} points, endorsements {string.Join("/", check.EndorsementCodes)}"); // clean generated-api
        span.Activity?.SetTag("carclub.named_drivers", drivers.Count + 1); // clean precision-names
        span.Activity?.SetTag("carclub.driver.relationship", request.Relationship); // clean precision-names
        span.Activity?.SetTag("carclub.driver.licence", request.LicenceNumber); // leak TC1001 direct
        span.Activity?.SetTag("carclub.driver.licence_ref", Pseudonym.FromComputed(request.LicenceNumber).Value); // leak TC1001 precision-pseudonym
        meter.CreateQuoteDecisionsCounter().Add(1, decision, quoteRule: rule);

        if (decision == QuoteDecision.Declined)
        {
            logger.NamedDriverDeclined(rule, request.LicenceNumber); // clean cross-member
            return new NamedDriverResult(false, rule, check.PenaltyPoints);
        }

        drivers.Add(request.DriverName);
        var entry = new NamedDriverLog { MemberId = request.MemberId, DriversOnAccount = drivers.Count, Decision = rule };
        logger.LogInformation("Named driver added: {Entry}", entry); // clean logging-objects
        logger.LogInformation("Drivers on the account now: {Drivers}", drivers); // leak TC1001 logging-objects
        return new NamedDriverResult(true, rule, check.PenaltyPoints);
    }
}
