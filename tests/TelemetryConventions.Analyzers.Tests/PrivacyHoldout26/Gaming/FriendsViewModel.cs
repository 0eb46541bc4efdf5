using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using Sentry;

namespace PrivacyHoldout26.Gaming;

public interface ISocialApi
{
    Task<int> SendFriendRequestAsync(Guid fromPlayerId, string friendCode);
}

/// <summary>The social service refused a friend request.</summary>
public sealed class FriendRequestException(string friendCode, string reason)
    : Exception($"Friend request to {friendCode} refused: {reason}");

public sealed record Party(string PartyId, int Size);

/// <summary>
/// The launcher's friends panel: a player pastes another player's friend code (their public handle,
/// e.g. <c>Nova#4821</c>) and sends a request.
/// </summary>
public sealed partial class FriendsViewModel : ObservableObject
{
    private static readonly ActivitySource Source = new("Lumen.Launcher");

    private readonly ISocialApi _api;
    private readonly ILogger<FriendsViewModel> _logger;
    private readonly PlayerSessionHolder _sessions;
    private readonly Party _party;
    private string _friendCode = string.Empty;

    public FriendsViewModel(ISocialApi api, ILogger<FriendsViewModel> logger, PlayerSessionHolder sessions, Party party)
    {
        _api = api;
        _logger = logger;
        _sessions = sessions;
        _party = party;
        PasteCommand = new RelayCommand(Paste);
        SendRequestCommand = new AsyncRelayCommand(SendRequestAsync, () => FriendCodeFormat().IsMatch(FriendCode));
    }

    public string FriendCode
    {
        get => _friendCode;
        set
        {
            if (SetProperty(ref _friendCode, value))
            {
                SendRequestCommand.NotifyCanExecuteChanged();
            }
        }
    }

    public IRelayCommand PasteCommand { get; }

    public IAsyncRelayCommand SendRequestCommand { get; }

    private void Paste()
    {
        if (!Clipboard.ContainsText())
        {
            return;
        }

        var text = Clipboard.GetText().Trim();
        _logger.LogDebug("Pasted {Length} characters, friend code shape: {IsCode}", text.Length, FriendCodeFormat().IsMatch(text)); // clean precision-about
        FriendCode = text;
    }

    public void OnFriendCodeTextChanged(object sender, TextChangedEventArgs e)
    {
        var box = (TextBox)sender;
        _logger.LogTrace("{Box} now holds {Length} characters", box.Name, box.Text.Length); // clean precision-names
    }

    private async Task SendRequestAsync()
    {
        using var activity = Source.StartActivity("friends.request");
        activity?.SetTag("friends.party.id", _party.PartyId); // clean precision-names
        SentrySdk.AddBreadcrumb($"friend request to {FriendCode}", "social"); // leak TC1001 strings
        try
        {
            var pending = await _api.SendFriendRequestAsync(_sessions.Current!.PlayerId, FriendCode);
            _logger.LogInformation("Friend request sent, {Pending} pending", pending); // clean precision-about
        }
        catch (FriendRequestException ex)
        {
            _logger.LogInformation(ex, "Friend request refused"); // leak TC1001 exceptions
            activity?.SetTag("friends.refusal", ex.GetType().Name); // clean exceptions
        }
    }

    private static Regex FriendCodeFormat() => FriendCodePattern;

    private static readonly Regex FriendCodePattern = new(@"^[A-Za-z0-9_]{3,16}#[0-9]{4}$", RegexOptions.Compiled);
}
