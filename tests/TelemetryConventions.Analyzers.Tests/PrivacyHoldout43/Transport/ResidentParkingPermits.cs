using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Transport;

/// <summary>A resident's request for a parking permit, proven against the council tax register.</summary>
public sealed record ParkingPermitRequest(string RequestId, string CouncilTaxAccountNumber, string Uprn, string Zone, string Vrm, string Email, string PermitType);

public sealed class ResidencyNotProvenException(string message) : Exception(message);

public interface ICouncilTaxRegister
{
    Task<bool> IsLiableAtAsync(string councilTaxAccountNumber, string uprn, CancellationToken cancellationToken);
}

public interface IVehicleEmissions
{
    Task<string> BandForAsync(string vrm, CancellationToken cancellationToken);
}

public sealed class ResidentPermitService(
    ICouncilTaxRegister councilTax,
    IVehicleEmissions emissions,
    Meter meter,
    ILogger<ResidentPermitService> logger,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _issued = meter.CreateCounter<long>("parking.permits.issued", "{permit}");

    public async Task<bool> RequestAsync(ParkingPermitRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("permit.request_id", request.RequestId); // clean direct
        activity?.SetTag("permit.zone", request.Zone); // clean direct
        activity?.SetTag("permit.type", request.PermitType); // clean direct
        activity?.SetTag(CaseworkAttributes.SubjectContact, pseudonymizer.ComputeCaseworkSubjectId(request.Email)); // leak TC1001 precision-pseudonym

        try
        {
            await ProveResidencyAsync(request, cancellationToken);
        }
        catch (ResidencyNotProvenException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return false;
        }

        var permitKey = $"permit:{request.Zone}:{request.Vrm}";
        logger.LogDebug("Permit cache key {PermitKey}", permitKey); // leak TC1001 strings

        var band = await emissions.BandForAsync(request.Vrm, cancellationToken);
        activity?.SetTag("permit.emissions_band", band); // clean precision-about
        _issued.Add(1, new KeyValuePair<string, object?>("zone", request.Zone), new KeyValuePair<string, object?>("vrm", request.Vrm)); // leak TC1003 direct
        return true;
    }

    private async Task ProveResidencyAsync(ParkingPermitRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Council tax account {Account} checked for {Uprn}", request.CouncilTaxAccountNumber, request.Uprn); // leak TC1001 direct
        if (!await councilTax.IsLiableAtAsync(request.CouncilTaxAccountNumber, request.Uprn, cancellationToken))
        {
            throw new ResidencyNotProvenException($"Council tax account {request.CouncilTaxAccountNumber} is not liable at {request.Uprn}");
        }
    }
}
