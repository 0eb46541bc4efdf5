using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using Castle.DynamicProxy;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Gaming;

public sealed record GrantResult(string GrantId, string Sku, int NewQuantity);

/// <summary>The in-memory inventory of the game server; <c>grantedBy</c> is the game master's email.</summary>
public interface IInventory
{
    int Balance(Guid playerId, string currency);

    GrantResult Grant(Guid playerId, string sku, int quantity, string grantedBy);

    void Revoke(string grantId, string grantedBy);
}

/// <summary>Castle interceptor put on <see cref="IInventory"/> by the game server's container.</summary>
public sealed class InventoryAuditInterceptor(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<InventoryAuditInterceptor> logger) : IInterceptor
{
    private readonly Counter<long> _grantsPerPlayer = meter.CreateCounter<long>("arena.inventory.grants");

    public void Intercept(IInvocation invocation)
    {
        var operation = $"Inventory.{invocation.Method.Name}";
        using var span = source.StartLobbyCall(operation, spanName: $"{operation}({string.Join(",", invocation.Arguments)})"); // leak TC1001 generated-api
        span.SetLobbyNote($"{invocation.Arguments.Length} arguments"); // clean precision-about
        var player = invocation.Arguments.OfType<Guid>().FirstOrDefault();
        if (player != Guid.Empty)
        {
            span.SetLobbyPlayerId(pseudonymizer.PseudonymizeLobbyPlayerId(player.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("inventory.player", player); // leak TC1001 cross-member
            if (MD5.HashData(player.ToByteArray())[0] < 26)
            {
                Activity.Current?.SetTag("inventory.sample.key", Convert.ToHexString(MD5.HashData(player.ToByteArray()))); // leak TC1002 hashes
            }
        }

        var grantedByIndex = Array.FindIndex(invocation.Method.GetParameters(), p => p.Name == "grantedBy");
        if (grantedByIndex >= 0)
        {
            logger.LogInformation("{Operation} by {GrantedBy}", operation, invocation.GetArgumentValue(grantedByIndex)); // leak TC1001 cross-member
        }

        invocation.Proceed();
        span.SetLobbyNote($"returned {invocation.ReturnValue}").SetLobbyOutcome(LobbyOutcome.Ok); // clean generated-api
        if (invocation.ReturnValue is GrantResult)
        {
            _grantsPerPlayer.Add(1, new KeyValuePair<string, object?>("lobby.player.id", pseudonymizer.ComputeLobbyPlayerId(player.ToString()))); // leak TC1003 precision-pseudonym
        }
    }
}
