using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using PrivacyHoldout11.Support;

namespace PrivacyHoldout11.Energy;

public sealed class SmsDeliveryException(string message, int gatewayStatus) : Exception(message)
{
    public int GatewayStatus { get; } = gatewayStatus;
}

/// <summary>Sends sign-in codes through the SMS gateway of the energy supplier's telecom provider.</summary>
public sealed class SmsGatewaySender(HttpClient http) : ISmsSender
{
    private sealed record GatewayMessage(string To, string Body, string Sender);

    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/v2/messages", new GatewayMessage(phoneNumber, text, "BrightGrid"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SmsDeliveryException($"SMS gateway refused message to {phoneNumber} ({(int)response.StatusCode})", (int)response.StatusCode);
        }
    }
}
