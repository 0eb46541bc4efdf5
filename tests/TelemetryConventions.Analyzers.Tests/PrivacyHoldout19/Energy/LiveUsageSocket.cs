using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Energy;

public sealed record DashboardCommand(string Type, double? ThresholdKw, string? AlertPhone);

/// <summary>The home energy dashboard's socket: pushes live readings of the customer's meter and takes alert settings.</summary>
public sealed class LiveUsageSocketHandler(ISupplyAccounts accounts, ILiveReadings readings, ILogger<LiveUsageSocketHandler> logger, Pseudonymizer pseudonymizer)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        var accountNumber = http.User.FindFirst("account_number")?.Value;
        var account = accountNumber is null ? null : await accounts.FindAsync(accountNumber, http.RequestAborted);
        if (account is null)
        {
            http.Response.StatusCode = 403;
            return;
        }

        var sessionId = Guid.NewGuid();
        using var scope = logger.BeginScope("Usage session {SessionId} of account {AccountNumber}", sessionId, account.AccountNumber); // leak TC1001 direct
        using var socket = await http.WebSockets.AcceptWebSocketAsync("usage.v2");
        using var span = EnergyTelemetry.Source.StartRealtimeInvocation("live-usage").SetRealtimeTransport("websockets").SetRealtimeParticipantId(pseudonymizer.PseudonymizeRealtimeParticipantId(account.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Socket session {SessionId} opened from {RemoteAddress}", sessionId, http.Connection.RemoteIpAddress); // leak TC1001 direct
        logger.LogInformation("Socket session {SessionId} on connection {ConnectionId}, port {RemotePort}", sessionId, http.Connection.Id, http.Connection.RemotePort); // clean precision-names
        logger.LogDebug("Session {SessionId} streams meter {MeterSerial}", sessionId, account.MeterSerial); // leak TC1001 cross-member
        logger.LogDebug("Session {SessionId} on tariff {Tariff} in {Region}", sessionId, account.Tariff, account.Region); // clean precision-about
        EnergyTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(1, "live-usage", "websockets"); // clean generated-api

        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions { TokenLimit = 10, TokensPerPeriod = 2, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 });
        var pump = PumpReadingsAsync(socket, account.MeterSerial, http.RequestAborted);
        var buffer = new byte[4096];
        var throttled = 0;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, http.RequestAborted);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    logger.LogInformation("Session {SessionId} closed by the app: {CloseStatus}", sessionId, frame.CloseStatus); // clean precision-names
                    break;
                }

                using var lease = limiter.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    throttled++;
                    continue;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, frame.Count);
                var command = JsonSerializer.Deserialize<DashboardCommand>(text);
                span.SetRealtimeMethod(command?.Type ?? "unknown").SetRealtimeMessageLength(frame.Count); // clean generated-api
                if (command is null)
                {
                    logger.LogWarning("Session {SessionId} sent an unreadable frame: {Frame}", sessionId, text); // leak TC1001 strings
                    continue;
                }

                if (command.Type == "set-alert")
                {
                    logger.LogInformation("Alert at {ThresholdKw} kW set by SMS to {Phone}", command.ThresholdKw, command.AlertPhone); // leak TC1001 direct
                    logger.LogInformation("Alert at {ThresholdKw} kW set (SMS: {HasPhone})", command.ThresholdKw, command.AlertPhone is not null); // clean precision-about
                }
            }
        }
        finally
        {
            span.SetRealtimeNote($"throttled {throttled} frames"); // clean generated-api
            EnergyTelemetry.Meter.CreateRealtimeConnectionsUpDownCounter().Add(-1, "live-usage", "websockets");
            await pump;
        }
    }

    private async Task PumpReadingsAsync(WebSocket socket, string meterSerial, CancellationToken cancellationToken)
    {
        await foreach (var reading in readings.StreamAsync(meterSerial, cancellationToken))
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(reading);
            await socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
        }
    }
}
