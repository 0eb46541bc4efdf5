using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Energy;

public sealed class SwitchingApiOptions
{
    public Uri BaseAddress { get; set; } = new("https://switching.example.net/");

    public string SupplierCode { get; set; } = "SUP01";

    public int MaxRetries { get; set; } = 3;

    public required byte[] CorrelationKey { get; set; }
}

/// <summary>Adds the supplier headers and records each outbound call on the current span.</summary>
public sealed class SwitchingHeadersHandler(IOptions<SwitchingApiOptions> options, ILogger<SwitchingHeadersHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Supplier", options.Value.SupplierCode);
        var mpan = request.Headers.TryGetValues("X-Mpan", out var values) ? values.FirstOrDefault() : null;

        Activity.Current?.SetTag("switching.supplier", options.Value.SupplierCode); // clean precision-names
        Activity.Current?.SetTag("switching.mpan", mpan); // leak TC1001 direct
        Activity.Current?.SetTag("switching.has_mpan", mpan is not null); // clean precision-about

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            logger.LogWarning("Switching API throttled {Method} {Path}", request.Method, request.RequestUri?.AbsolutePath); // leak TC1001 strings
        }

        return response;
    }
}

public sealed record SwitchRequest(string AccountNumber, string MeterSerial, string TargetTariff, string? TaxId);

public sealed class SwitchingClient(HttpClient http, IOptions<SwitchingApiOptions> options, ILogger<SwitchingClient> logger)
{
    public async Task<bool> RequestSwitchAsync(SwitchRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"accounts/{request.AccountNumber}/switches");
        message.Headers.Add("X-Mpan", request.MeterSerial);

        var correlation = CorrelationFor(request.AccountNumber);
        Activity.Current?.SetTag("switching.correlation", correlation); // clean hashes

        var response = await RetryAsync(
            () => http.SendAsync(message, ct),
            (attempt, error) => logger.LogWarning(error, "Switch for meter {MeterSerial} failed, attempt {Attempt}", request.MeterSerial, attempt)); // leak TC1001 direct
        return response.IsSuccessStatusCode;
    }

    public void TagLegacyJoinKey(SwitchRequest request)
    {
        using var md5 = MD5.Create();
        var bytes = md5.ComputeHash(Encoding.UTF8.GetBytes(request.AccountNumber));
        Activity.Current?.SetTag("switching.account_key", new Guid(bytes).ToString()); // leak TC1002 hashes
    }

    public void TagTaxReference(SwitchRequest request)
    {
        var taxRef = StringComparer.OrdinalIgnoreCase.GetHashCode(request.TaxId ?? string.Empty);
        Activity.Current?.SetTag("switching.tax_ref", taxRef); // leak TC1002 hashes
    }

    private string CorrelationFor(string accountNumber)
    {
        using var hmac = new HMACSHA256(options.Value.CorrelationKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(accountNumber)))[..20];
    }

    private async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send, Action<int, Exception> onRetry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException ex) when (attempt < options.Value.MaxRetries)
            {
                onRetry(attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
