using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using PrivacyHoldout26.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout26.Retail;

public sealed record Receipt(string Number, decimal Total, int Lines);

public interface ITillApi
{
    Task<Receipt> CompleteAsync(string tillId, IReadOnlyList<string> gtins, string? loyaltyNumber, string? receiptEmail);
}

/// <summary>The sale on the POS client's main screen (WPF), with the e-receipt email field.</summary>
public sealed class SaleViewModel : ObservableObject
{
    private static readonly ActivitySource Source = new("Store.Pos");

    private readonly ITillApi _api;
    private readonly ILogger<SaleViewModel> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TillContext _till;
    private readonly OfflineSalesJournal _journal;
    private readonly Counter<long> _sales;
    private KioskTransactionSpan _sale;
    private string? _loyaltyNumber;
    private string _receiptEmail = string.Empty;

    public SaleViewModel(ITillApi api, ILogger<SaleViewModel> logger, Pseudonymizer pseudonymizer, TillContext till, OfflineSalesJournal journal, IMeterFactory meters)
    {
        _api = api;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _till = till;
        _journal = journal;
        _sales = meters.Create("Store.Pos").CreateCounter<long>("pos.sales", "{sale}");
        CompleteCommand = new AsyncRelayCommand(CompleteAsync, () => Items.Count > 0);
    }

    public ObservableCollection<string> Items { get; } = new();

    public string ReceiptEmail
    {
        get => _receiptEmail;
        set => SetProperty(ref _receiptEmail, value);
    }

    public IAsyncRelayCommand CompleteCommand { get; }

    public void Open()
    {
        _sale = Source.StartKioskTransaction(_till.TillId).SetKioskSite(_till.StoreId); // clean generated-api
        _logger.LogInformation("Sale started on till {Till} by cashier {Cashier}", _till.TillId, _till.CashierStaffNumber); // leak TC1001 direct
    }

    public void AddItem(string gtin)
    {
        Items.Add(gtin);
        CompleteCommand.NotifyCanExecuteChanged();
    }

    public void AttachMember(string loyaltyNumber)
    {
        _loyaltyNumber = loyaltyNumber;
        _sale.SetKioskVisitorId(_pseudonymizer.PseudonymizeKioskVisitorId(loyaltyNumber)); // clean generated-api
        SentrySdk.ConfigureScope(scope => scope.SetExtra("member", loyaltyNumber)); // leak TC1001 direct
    }

    private async Task CompleteAsync()
    {
        _sale.SetKioskBasketItems(Items.Count); // clean precision-about
        var email = string.IsNullOrWhiteSpace(ReceiptEmail) ? null : ReceiptEmail.Trim();
        if (email is not null)
        {
            _sale.Activity?.SetTag(KioskAttributes.VisitorContact, _pseudonymizer.ComputeKioskVisitorId(email)); // leak TC1001 precision-pseudonym
            _sale.SetKioskNote($"e-receipt to a {email[(email.IndexOf('@') + 1)..]} address"); // clean generated-api
        }

        try
        {
            var receipt = await _api.CompleteAsync(_till.TillId, Items, _loyaltyNumber, email);
            _logger.LogInformation("Receipt {ReceiptNumber} for {Total:C} ({Lines} lines)", receipt.Number, receipt.Total, receipt.Lines); // clean precision-names
            _sales.Add(1, new KeyValuePair<string, object?>("pos.store", _till.StoreId), new KeyValuePair<string, object?>("pos.cashier", _till.CashierName)); // leak TC1003 direct
        }
        catch (System.Net.Http.HttpRequestException)
        {
            await _journal.AppendAsync(new JournalEntry(Guid.NewGuid().ToString("N")[..10], _till.TillId, Items.Count, _loyaltyNumber, _loyaltyNumber is null ? null : _pseudonymizer.ComputeKioskVisitorId(_loyaltyNumber), DateTimeOffset.UtcNow));
        }
        finally
        {
            _sale.Dispose();
            Items.Clear();
            _loyaltyNumber = null;
        }
    }
}
