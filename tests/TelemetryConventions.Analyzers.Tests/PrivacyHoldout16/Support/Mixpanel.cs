using System.Collections.Generic;
using System.Threading.Tasks;

namespace PrivacyHoldout16.Support.Mixpanel;

public sealed class MixpanelClient
{
    public Task<bool> TrackAsync(string distinctId, string eventName, IDictionary<string, object?> properties) => Task.FromResult(true);

    public Task<bool> PeopleSetAsync(string distinctId, IDictionary<string, object?> properties) => Task.FromResult(true);
}
