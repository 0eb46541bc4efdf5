using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Vonage;

namespace PrivacyHoldout37.Energy;

/// <summary>
/// Readings by text: customers text "READ &lt;account number&gt; &lt;reading&gt;" to the supplier's
/// virtual number. The SMS provider posts each inbound message as JSON.
/// </summary>
[ApiController]
[Route("sms/readings")]
public sealed class ReadingByTextHandler(
    ISupplyAccounts accounts,
    ISmsClient sms,
    TelemetrySecrets secrets,
    ILogger<ReadingByTextHandler> logger) : ControllerBase
{
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Seen = new();

    [HttpPost("inbound")]
    public async Task<ActionResult> Inbound([FromBody] InboundSms message, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("sms.message_id", message.MessageId);
        activity?.SetTag("sms.keyword", message.Keyword);
        activity?.SetTag("sms.virtual_number", message.To); // clean precision-names
        activity?.SetTag("sms.sender", message.Msisdn); // leak TC1001 direct
        activity?.SetTag("sms.length", message.Text.Length); // clean precision-about

        var dedupeKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{message.Msisdn}:{message.Text}")));
        if (!Seen.TryAdd(dedupeKey, message.MessageTimestamp))
        {
            logger.LogInformation("Duplicate reading text {DedupeKey} ignored", dedupeKey); // leak TC1002 hashes
            return Ok();
        }

        var parts = message.Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !string.Equals(parts[0], "READ", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Unreadable reading text from {Sender}: {Text}", message.Msisdn, message.Text); // leak TC1001 direct
            return Ok();
        }

        var accountNumber = parts[1];
        var account = await accounts.FindAsync(accountNumber, cancellationToken);
        activity?.SetTag("reading.account.found", account is not null); // clean precision-about
        activity?.SetTag("reading.account.token", Convert.ToBase64String(Encoding.UTF8.GetBytes(accountNumber))); // leak TC1001 hashes
        activity?.SetTag("reading.account.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(accountNumber))[0] & 31); // clean hashes
        if (account is null || !decimal.TryParse(parts[2], out var reading))
        {
            return Ok();
        }

        await accounts.SubmitReadingAsync(account.AccountNumber, reading, "sms", cancellationToken);
        var reply = await sms.SendAsync(new SmsRequest(message.Msisdn, message.To, $"Thanks, we have your reading of {reading} for account ending {account.AccountNumber[^4..]}."), cancellationToken);
        foreach (var part in reply.Messages)
        {
            logger.LogInformation("Confirmation {MessageId} status {Status} {ErrorText}", part.MessageId, part.Status, part.ErrorText); // clean precision-about
            logger.LogDebug("Confirmation sent to {To} over {Network}", part.To, part.Network); // leak TC1001 direct
        }
        return Ok();
    }
}
