using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Energy;

public sealed record BalanceCorrection(string AccountNumber, decimal OldBalance, decimal NewBalance, string Region, string Tariff, string TicketId, string? AgentNote);

public sealed class BalanceCorrectionRejectedException(string message) : Exception(message);

/// <summary>The billing back office: manual balance corrections and the supply-point debug view.</summary>
public sealed class BillCorrectionEndpoints(
    ISqlRunner sql,
    Pseudonymizer pseudonymizer,
    IRedactorProvider redactors,
    ILogger<BillCorrectionEndpoints> logger)
{
    private const decimal Limit = 500m;
    private static readonly Meter BackOfficeMeter = new("Energy.BackOffice");
    private static readonly Counter<long> Corrections = BackOfficeMeter.CreateCounter<long>("backoffice.balance_corrections");

    public async Task<IResult> CorrectBalanceAsync([FromBody] BalanceCorrection correction, ClaimsPrincipal agent, CancellationToken cancellationToken)
    {
        var accountNumber = correction.AccountNumber;
        if (Math.Abs(correction.NewBalance - correction.OldBalance) > Limit && !agent.IsInRole("billing-lead"))
        {
            throw new BalanceCorrectionRejectedException($"Correction for account {accountNumber} exceeds the {Limit} limit for agents"); // leak TC1001 exceptions
        }

        Activity.Current?.AddBaggage("account.number", accountNumber); // leak TC1001 direct
        Activity.Current?.AddBaggage("ops.ticket", correction.TicketId); // clean precision-names
        Activity.Current?.SetTag("balance.delta", correction.NewBalance - correction.OldBalance); // clean precision-about
        Activity.Current?.SetTag("account.ref", Pseudonym.FromComputed(accountNumber).Value); // leak TC1001 precision-pseudonym

        await sql.ExecuteAsync("update balances set balance = @NewBalance where account_number = @AccountNumber", correction, cancellationToken);

        Corrections.Add(1, new TagList { { "region", correction.Region }, { "tariff", correction.Tariff } }); // clean precision-names
        Corrections.Add(1, new TagList { { "account.ref", pseudonymizer.ComputeOpsSubjectId(accountNumber) } }); // leak TC1003 precision-pseudonym

        var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
        logger.LogInformation("Balance of {Account} corrected under {Ticket}", redactor.Redact(accountNumber), correction.TicketId); // clean precision-pseudonym
        logger.LogInformation("Correction {@Correction}", correction with { AgentNote = null }); // leak TC1001 logging-objects
        return Results.NoContent();
    }

    /// <summary><c>GET /debug/supply-point/{mpan}</c>: what the industry registry returned for a supply point.</summary>
    public async Task<IResult> SupplyPointAsync(string mpan, CancellationToken cancellationToken)
    {
        var rows = await sql.QueryAsync<string>("select payload from registry_cache where mpan = @mpan", new { mpan }, cancellationToken);
        Activity.Current?.SetTag("debug.supply_point.distributor", mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("debug.supply_point.mpan_b64", Convert.ToBase64String(Encoding.ASCII.GetBytes(mpan))); // leak TC1001 hashes
        logger.LogDebug("Registry cache rows: {Count}", rows.Count); // clean precision-about
        return rows.Count == 0 ? Results.NotFound() : Results.Json(rows[0]);
    }
}
