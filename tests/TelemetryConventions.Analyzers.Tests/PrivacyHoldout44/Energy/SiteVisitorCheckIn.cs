using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Energy;

/// <summary>A contractor's or visitor's registration for a day at the generating station.</summary>
public sealed record VisitorRegistration(
    string VisitId,
    string VisitorName,
    string Company,
    string Email,
    string IdDocumentType,
    string IdDocumentNumber,
    string Nationality,
    DateOnly DateOfBirth,
    string HostStaffNumber,
    string Area);

public sealed class VettingRefusedException(string visitorName, string reason)
    : Exception($"Site access refused for {visitorName}: {reason}")
{
    public string Reason { get; } = reason;
}

public interface ISecurityVetting
{
    Task VetAsync(VisitorRegistration visitor, CancellationToken cancellationToken);
}

/// <summary>The station security team's checks: the identity document and the areas a vetting level opens.</summary>
public sealed class SecurityVetting(IReadOnlyDictionary<string, string> clearedCompanies) : ISecurityVetting
{
    public Task VetAsync(VisitorRegistration visitor, CancellationToken cancellationToken)
    {
        if (visitor.Area is "reactor" or "turbine-hall" && !clearedCompanies.ContainsKey(visitor.Company))
        {
            throw new VettingRefusedException(visitor.VisitorName, $"company not cleared for {visitor.Area}");
        }

        if (visitor.IdDocumentType is not ("passport" or "national-id" or "driving-licence"))
        {
            throw new VettingRefusedException(visitor.VisitorName, "document type not accepted");
        }

        return Task.CompletedTask;
    }
}

public interface IVisitorPasses
{
    Task<string> IssueAsync(string visitId, string area, CancellationToken cancellationToken);
}

/// <summary>The gatehouse: checks the visitor in against the day's registrations and hands out a site pass.</summary>
public sealed class GatehouseCheckIn(
    ISecurityVetting vetting,
    IVisitorPasses passes,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<GatehouseCheckIn> logger)
{
    public async Task<string?> CheckInAsync(VisitorRegistration visitor, CancellationToken cancellationToken)
    {
        using var span = source.StartTravelCheckin(visitor.VisitId); // clean precision-names
        span.SetTravelTravellerId(pseudonymizer.PseudonymizeTravelTravellerId(visitor.IdDocumentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("site.visitor.company", visitor.Company); // clean precision-names
        Activity.Current?.SetTag("site.visitor.document_type", visitor.IdDocumentType); // clean precision-about
        Activity.Current?.SetTag("site.area", visitor.Area);
        Activity.Current?.SetTag("site.host", visitor.HostStaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("site.visitor.email_domain", visitor.Email.Split('@')[1]); // clean precision-about
        logger.LogDebug("Site rules were emailed to {Email} before arrival", visitor.Email); // leak TC1001 direct

        try
        {
            await vetting.VetAsync(visitor, cancellationToken);
        }
        catch (VettingRefusedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Visit {VisitId} refused at the gatehouse: {Reason}", visitor.VisitId, ex.Reason); // clean exceptions
            return null;
        }

        var pass = await passes.IssueAsync(visitor.VisitId, visitor.Area, cancellationToken);
        Activity.Current?.SetTag("site.pass", pass); // clean precision-names
        logger.LogInformation("Visitor {Name} (born {DateOfBirth}) signed in with pass {Pass}", visitor.VisitorName, visitor.DateOfBirth, pass); // leak TC1001 direct
        logger.LogInformation("Visitor from {Company} signed in for {Area}, hosted by {Host}", visitor.Company, visitor.Area, pseudonymizer.ComputeTravelTravellerId(visitor.HostStaffNumber)); // clean precision-pseudonym
        return pass;
    }
}
