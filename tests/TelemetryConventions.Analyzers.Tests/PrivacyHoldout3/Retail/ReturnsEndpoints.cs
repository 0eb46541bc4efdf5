using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Retail;

public sealed record ReturnRequest(string OrderId, string CustomerEmail, IReadOnlyList<string> Skus, string Reason);

public sealed class ReturnWindowClosedException(string orderId, string customerEmail)
    : Exception($"Return window closed for order {orderId} ({customerEmail})");

public sealed class ReturnsService(ILogger<ReturnsService> logger, Meter meter)
{
    private readonly Counter<long> _returns = meter.CreateCounter<long>("retail.returns");

    public async Task<string> OpenAsync(ReturnRequest request, DateTimeOffset orderedAt, CancellationToken ct)
    {
        var returnId = await CreateReturnAsync(request, ct);
        Activity.Current?.SetTag("return.id", returnId); // leak TC1001 cross-member
        _returns.Add(request.Skus.Count, new TagList { { "return.reason", request.Reason } }); // clean direct

        if (DateTimeOffset.UtcNow - orderedAt > TimeSpan.FromDays(30))
        {
            var ex = new ReturnWindowClosedException(request.OrderId, request.CustomerEmail);
            logger.LogWarning(ex, "Return refused for order {OrderId}", request.OrderId); // leak TC1001 exceptions
            Activity.Current?.AddException(new ReturnWindowClosedException(request.OrderId, "(hidden)")); // clean exceptions
        }

        return returnId;
    }

    private static async Task<string> CreateReturnAsync(ReturnRequest request, CancellationToken ct)
    {
        await Task.Delay(1, ct);
        return $"RMA-{request.OrderId}-{request.CustomerEmail}";
    }
}
