using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;

namespace PrivacyHoldout54.Gaming;

public sealed record ItemGranted(Guid GrantId, string Sku, int Quantity, PlayerId PlayerId, string Gamertag)
{
    // Support reads grants in the log viewer: show the gamertag, leave the account id out.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("GrantId = ").Append(GrantId)
            .Append(", Sku = ").Append(Sku)
            .Append(", Quantity = ").Append(Quantity)
            .Append(", Gamertag = ").Append(Gamertag);
        return true;
    }
}

public sealed record GrantRevoked(Guid GrantId, string Sku, string Reason, PlayerId PlayerId)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("GrantId = ").Append(GrantId).Append(", Sku = ").Append(Sku).Append(", Reason = ").Append(Reason);
        return true;
    }
}

public sealed class PlayerIdRedactingConverter : JsonConverter<PlayerId>
{
    public override PlayerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => default;

    public override void Write(Utf8JsonWriter writer, PlayerId value, JsonSerializerOptions options) => writer.WriteStringValue("redacted");
}

public sealed class GrantReceipt
{
    public Guid GrantId { get; init; }

    public string Sku { get; init; } = "";

    public decimal Price { get; init; }

    public string Currency { get; init; } = "";

    public string Store { get; init; } = "";

    [JsonConverter(typeof(PlayerIdRedactingConverter))]
    public PlayerId PlayerId { get; init; }
}

public sealed class InsufficientCurrencyException(ItemGranted grant) : Exception($"Cannot grant {grant}: not enough currency");

public sealed class GrantAlreadyAppliedException(Guid grantId) : Exception($"Grant {grantId:N} was already applied");

public interface IWallet
{
    void Debit(ItemGranted grant, GrantReceipt receipt);
}

public sealed class InventoryGrantService(ILogger<InventoryGrantService> logger, IWallet wallet, ActivitySource source, Meter meter)
{
    private readonly Counter<long> _grants = meter.CreateCounter<long>("game.grants");

    public void Grant(ItemGranted grant, GrantReceipt receipt)
    {
        using var span = source.StartModelOperation("grant", nameof(ItemGranted));
        var activity = span.Activity;
        span.SetModelId(grant.GrantId.ToString());
        logger.LogInformation("Granted {Grant}", grant); // leak TC1001 logging-objects
        activity?.SetTag("game.receipt", JsonSerializer.Serialize(receipt)); // clean logging-objects

        foreach (var property in typeof(GrantReceipt).GetProperties())
        {
            activity?.SetTag("game.receipt." + property.Name.ToLowerInvariant(), property.GetValue(receipt)); // leak TC1001 logging-objects
        }
        foreach (var property in typeof(GrantReceipt).GetProperties().Where(p => p.Name is nameof(GrantReceipt.Sku) or nameof(GrantReceipt.Currency) or nameof(GrantReceipt.Store)))
        {
            activity?.SetTag("game.receipt." + property.Name.ToLowerInvariant(), property.GetValue(receipt)); // clean logging-objects
        }

        try
        {
            wallet.Debit(grant, receipt);
        }
        catch (InsufficientCurrencyException ex)
        {
            logger.LogWarning(ex, "Grant declined"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return;
        }
        catch (GrantAlreadyAppliedException ex)
        {
            logger.LogInformation(ex, "Duplicate grant ignored"); // clean exceptions
            return;
        }

        var dedupe = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{grant.PlayerId.Value}:{grant.Sku}")));
        logger.LogDebug("Grant dedupe {Dedupe}", dedupe); // leak TC1002 hashes
        logger.LogDebug("Grant lane {Lane}", Math.Abs(grant.Gamertag.GetHashCode()) % 8); // leak TC1002 hashes

        _grants.Add(1, new KeyValuePair<string, object?>("sku", grant.Sku), new KeyValuePair<string, object?>("store", receipt.Store)); // clean direct
    }

    public void Revoke(GrantRevoked revoked)
    {
        logger.LogInformation("Revoked {Revocation}", revoked); // clean logging-objects
        Activity.Current?.EnrichModelOperation("revoke", nameof(GrantRevoked)).SetModelNote(revoked.ToString()); // clean generated-api
        logger.LogModelRejectedEvent(nameof(GrantRevoked), revoked.Reason, modelId: revoked.GrantId.ToString(), modelNote: $"revoked for {revoked.PlayerId}"); // leak TC1001 generated-api
    }
}
