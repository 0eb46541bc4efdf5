using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Transport;

/// <summary>A phone-as-key credential for a car; the owner shares keys with the people of their household.</summary>
public sealed record DigitalKey(Guid KeyId, string Vin, string HolderAccountId, string Role, DateTimeOffset? ExpiresAt);

public sealed record ShareKeyRequest(string Vin, string InviteePhone, string Role, int? Hours);

public sealed record VehicleOwner(string AccountId, string HouseholdId, IReadOnlyList<DigitalKey> Keys);

public interface IKeyVault
{
    Task<VehicleOwner?> OwnerOfAsync(string vin, CancellationToken cancellationToken);

    Task<DigitalKey> IssueAsync(string vin, string inviteePhone, string role, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    Task<DigitalKey?> FindAsync(Guid keyId, CancellationToken cancellationToken);

    Task RevokeAsync(Guid keyId, CancellationToken cancellationToken);
}

public sealed class KeyLimitReachedException(string vin, int limit)
    : Exception($"Vehicle {vin} already has {limit} shared keys");

[ApiController]
[Route("vehicles/keys")]
public sealed class DigitalKeyController(
    IKeyVault vault,
    Pseudonymizer pseudonymizer,
    Meter meter,
    TimeProvider clock,
    ILogger<DigitalKeyController> logger) : ControllerBase
{
    private const int MaxSharedKeys = 5;
    private readonly Counter<long> _shares = meter.CreateCounter<long>("vehicle.keys.shared", "{key}");

    [HttpPost("share")]
    public async Task<ActionResult> Share([FromBody] ShareKeyRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("vehicle.vin", request.Vin); // leak TC1001 direct
        activity?.SetTag("vehicle.key.role", request.Role); // clean precision-about

        var owner = await vault.OwnerOfAsync(request.Vin, cancellationToken);
        if (owner is null || owner.AccountId != HttpContext.User.SubjectId)
        {
            return NotFound();
        }

        Activity.Current.EnrichHouseholdShare(pseudonymizer.PseudonymizeHouseholdId(owner.HouseholdId)).SetHouseholdMemberRole(request.Role); // clean precision-pseudonym
        if (owner.Keys.Count(k => k.Role != "owner") >= MaxSharedKeys)
        {
            throw new KeyLimitReachedException(request.Vin, MaxSharedKeys); // leak TC1001 exceptions
        }

        var expiresAt = request.Hours is { } hours ? clock.GetUtcNow().AddHours(hours) : (DateTimeOffset?)null;
        var key = await vault.IssueAsync(request.Vin, request.InviteePhone, request.Role, expiresAt, cancellationToken);
        activity?.SetTag("vehicle.key.id", key.KeyId); // clean precision-names
        activity?.SetTag("vehicle.key.temporary", expiresAt is not null); // clean precision-about
        logger.LogInformation("Key {KeyId} shared with {InviteePhone}", key.KeyId, request.InviteePhone); // leak TC1001 direct
        logger.LogInformation("Key {KeyId} shared with a number in {CountryPrefix}", key.KeyId, request.InviteePhone[..3]); // clean precision-about
        _shares.Add(1, new KeyValuePair<string, object?>("household.ref", pseudonymizer.ComputeHouseholdId(owner.HouseholdId))); // leak TC1003 precision-pseudonym
        _shares.Add(1, new KeyValuePair<string, object?>("vehicle.key.role", request.Role)); // clean precision-about
        return Ok(new { key.KeyId });
    }

    [HttpPost("{keyId:guid}/revoke")]
    public async Task<ActionResult> Revoke(Guid keyId, CancellationToken cancellationToken)
    {
        var key = await vault.FindAsync(keyId, cancellationToken);
        if (key is null)
        {
            return NotFound();
        }

        await vault.RevokeAsync(keyId, cancellationToken);
        logger.LogInformation("Key revoked {@Key}", key); // leak TC1001 logging-objects
        logger.LogDebug("Wallet pass {PassUrl} withdrawn", $"https://keys.example.com/passes/{key.KeyId:N}"); // clean strings
        return Ok();
    }
}
