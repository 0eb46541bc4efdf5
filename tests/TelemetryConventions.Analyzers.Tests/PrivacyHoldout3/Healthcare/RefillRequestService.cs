using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Healthcare;

public sealed record RefillRequest(string NhsNumber, string MedicationCode, int Quantity, string PharmacyOds);

public sealed record RefillContext(string Requester, string NhsNumber, bool OnBehalfOf);

public sealed class RefillRequestService(IHttpContextAccessor accessor, ILogger<RefillRequestService> logger)
{
    private readonly Dictionary<string, int> _refillsThisMonth = new();

    public RefillContext ContextFor(RefillRequest request)
    {
        var user = accessor.HttpContext?.User ?? new ClaimsPrincipal();
        var requester = user.FindFirstValue("sub") ?? "unknown";
        return new RefillContext(requester, request.NhsNumber, !string.Equals(user.FindFirstValue("nhs_number"), request.NhsNumber, StringComparison.Ordinal));
    }

    public async Task<int> SubmitAsync(RefillRequest request, CancellationToken ct)
    {
        var context = ContextFor(request);
        var proxy = context with { Requester = "proxy" };
        Activity.Current?.SetTag("refill.on_behalf_of", context.OnBehalfOf); // clean precision-about
        Activity.Current?.SetTag("refill.requester", context.Requester); // leak TC1001 cross-member
        Activity.Current?.SetTag("refill.patient", proxy.NhsNumber); // leak TC1001 cross-member
        logger.LogInformation("Refill {Context}", proxy); // leak TC1001 logging-objects

        var count = _refillsThisMonth.GetValueOrDefault(request.NhsNumber) + 1;
        _refillsThisMonth[request.NhsNumber] = count;
        Activity.Current?.SetTag("refill.count_this_month", count); // clean precision-about
        Activity.Current?.SetTag("refill.pharmacy", request.PharmacyOds); // clean direct

        var nhsNumber = await NormaliseAsync(request.NhsNumber);
        logger.LogInformation("Refill of {Medication} x{Quantity} for {Patient}", request.MedicationCode, request.Quantity, nhsNumber); // leak TC1001 cross-member
        return count;
    }

    public void TagBatch(IReadOnlyList<RefillRequest> batch)
    {
        var text = new StringBuilder();
        foreach (var item in batch)
        {
            text.Append(item.NhsNumber[..3]).Append("*** ");
        }

        Activity.Current?.SetTag("refill.batch.masked", text.ToString()); // clean precision-about
        Activity.Current?.SetTag("refill.batch.patients", string.Concat(batch.Select(b => b.NhsNumber + " "))); // leak TC1001 strings
    }

    private static async Task<string> NormaliseAsync(string nhsNumber)
    {
        await Task.Yield();
        return nhsNumber.Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
