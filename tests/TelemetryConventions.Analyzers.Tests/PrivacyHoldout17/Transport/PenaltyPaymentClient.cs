using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout17.Transport;

/// <summary>A penalty charge notice (a parking or bus-lane contravention) as the council's payment API returns it.</summary>
public sealed record PenaltyBalance(string PcnNumber, string VehicleRegistration, string KeeperName, long OutstandingPence, DateOnly DiscountUntil, string Status);

public sealed record PenaltyPayment(string PcnNumber, string VehicleRegistration, long AmountPence, string CardToken, string PayerEmail);

/// <summary>Typed client of the council's penalty-payment API, used by the park-and-ride app.</summary>
public sealed class PenaltyPaymentClient(HttpClient http, ILogger<PenaltyPaymentClient> logger)
{
    public async Task<PenaltyBalance?> LookUpAsync(string pcnNumber, string vehicleRegistration, CancellationToken cancellationToken)
    {
        var requestUri = $"penalties/lookup?pcn={Uri.EscapeDataString(pcnNumber)}&vrm={Uri.EscapeDataString(vehicleRegistration)}";
        using var response = await http.GetAsync(requestUri, cancellationToken);
        logger.LogInformation("Penalty lookup {RequestUri} answered {Status}", requestUri, (int)response.StatusCode); // leak TC1001 strings
        logger.LogInformation("Penalty lookup for {PcnNumber} answered {Status}", pcnNumber, (int)response.StatusCode); // clean precision-names
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var balance = await response.Content.ReadFromJsonAsync<PenaltyBalance>(cancellationToken);
        Activity.Current?.SetTag("pcn.vehicle_area", balance?.VehicleRegistration[..2]); // clean precision-about
        logger.LogDebug("Penalty {@Balance}", balance); // leak TC1001 logging-objects
        return balance;
    }

    public async Task<bool> PayAsync(PenaltyPayment payment, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"penalties/{Uri.EscapeDataString(payment.PcnNumber)}/payments", new { amount = payment.AmountPence, token = payment.CardToken, email = payment.PayerEmail }, cancellationToken);
        Activity.Current?.SetTag("pcn.payment.uri", response.RequestMessage?.RequestUri?.ToString()); // clean precision-names
        Activity.Current?.SetTag("pcn.vehicle", payment.VehicleRegistration); // leak TC1001 direct
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            // The council's API echoes the submitted fields in its validation errors ("email 'jo@…' is not valid").
            logger.LogWarning("Penalty payment for {PcnNumber} refused: {Problem}", payment.PcnNumber, problem); // leak TC1001 exceptions
        }

        return response.IsSuccessStatusCode;
    }
}
