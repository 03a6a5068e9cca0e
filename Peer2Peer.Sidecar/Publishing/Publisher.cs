using Microsoft.Extensions.Options;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Announcements;
using Peer2Peer.Sidecar.Funding;
using Peer2Peer.Sidecar.Hosting;
using Peer2Peer.Sidecar.Keys;
using Peer2Peer.Sidecar.Siad;

namespace Peer2Peer.Sidecar.Publishing;

public enum PublishOutcome
{
    Unchanged,
    Published,
    Resubmitted,
}

/// <summary>
/// The provider's publisher: reads the controller, builds the offer, and announces it when it differs from the last
/// one published or its expiry is near. A sequence number is claimed in the database before its transaction is funded,
/// so a restart never re-publishes an unchanged offer and never reuses a sequence number; a claimed but unconfirmed
/// announcement is resubmitted, not rebuilt.
/// </summary>
public sealed partial class Publisher(
    IControllerCatalogueSource controller,
    OfferBuilder builder,
    PublishedStore store,
    HotWallet wallet,
    KeyRing keys,
    ISiadClient siad,
    SiadConnection connection,
    IOptions<PublishingOptions> options,
    IOptions<SidecarOptions> sidecar,
    TimeProvider time,
    ILogger<Publisher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public string? LastProblem { get; private set; }

    public Offer? CurrentOffer { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sidecar.Value.Role != SidecarRole.Provider)
        {
            return;
        }

        try
        {
            await connection.WhenReadyAsync(stoppingToken);
        }
        catch (Exception)
        {
            return;
        }

        if (options.Value.AnnounceSiaHost)
        {
            await AnnounceSiaHostAsync(stoppingToken);
        }

        var backoff = options.Value.CheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.CheckInterval;
            try
            {
                await RunOnceAsync(force: false, stoppingToken);
                LastProblem = null;
                backoff = options.Value.CheckInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Wallet locked, no funds, siad refusing, controller down: report, back off, try again.
                LastProblem = e.Message;
                LogProblem(logger, e.Message, backoff.TotalSeconds);
                wait = backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(30).Ticks));
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes when the offer changed, is near expiry or <paramref name="force"/> is set; resubmits what is still unconfirmed.</summary>
    public async Task<PublishOutcome> RunOnceAsync(bool force, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var offer = builder.Build(await controller.ReadAsync(cancellationToken), await HostKeyAsync(cancellationToken));
            CurrentOffer = offer;
            var digest = AnnouncementCodec.OfferDigest(offer);
            var tip = await siad.GetConsensusAsync(cancellationToken);
            var latest = store.Latest();
            if (latest is not null && !force && latest.Kind == "offer" && latest.OfferDigest == digest
                && tip.Height + options.Value.RenewBeforeBlocks < latest.ExpiryHeight)
            {
                return await FollowAsync(latest, cancellationToken) ? PublishOutcome.Unchanged : PublishOutcome.Resubmitted;
            }

            var announcement = new Announcement
            {
                Kind = AnnouncementKind.Offer,
                Network = await NetworkAsync(cancellationToken),
                ProviderKey = keys.IdentityPublicKey,
                Sequence = (latest?.Sequence ?? 0) + 1,
                ExpiryHeight = tip.Height + options.Value.ExpiryBlocks,
                Offer = offer,
            };
            await AnnounceAsync(announcement, digest, cancellationToken);
            return PublishOutcome.Published;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Announces a withdrawal: catalogues drop this provider.</summary>
    public async Task WithdrawAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var tip = await siad.GetConsensusAsync(cancellationToken);
            var announcement = new Announcement
            {
                Kind = AnnouncementKind.Withdrawal,
                Network = await NetworkAsync(cancellationToken),
                ProviderKey = keys.IdentityPublicKey,
                Sequence = (store.Latest()?.Sequence ?? 0) + 1,
                ExpiryHeight = tip.Height + options.Value.ExpiryBlocks,
            };
            await AnnounceAsync(announcement, null, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task AnnounceAsync(Announcement announcement, Hash256? digest, CancellationToken cancellationToken)
    {
        var entry = AnnouncementCodec.Sign(announcement, keys.Identity);
        var kind = announcement.Kind == AnnouncementKind.Offer ? "offer" : "withdrawal";
        store.Add(announcement.Sequence, kind, digest, announcement.ExpiryHeight, entry, time.GetUtcNow());
        await FundAndSubmitAsync(announcement.Sequence, entry, cancellationToken);
        LogAnnounced(logger, kind, announcement.Sequence, announcement.ExpiryHeight);
    }

    private async Task FundAndSubmitAsync(ulong sequence, byte[] entry, CancellationToken cancellationToken)
    {
        var transaction = await wallet.FundAndSignAsync(new Transaction { ArbitraryData = [entry] }, $"announcement {sequence}", cancellationToken);
        store.SetTransaction(sequence, transaction.Id);
        await wallet.SubmitAsync(transaction, cancellationToken);
    }

    /// <summary>True when <paramref name="latest"/> is confirmed; otherwise makes sure it is on its way again.</summary>
    private async Task<bool> FollowAsync(PublishedAnnouncement latest, CancellationToken cancellationToken)
    {
        if (latest.TransactionId is { } id && await siad.IsConfirmedAsync(id, cancellationToken))
        {
            if (latest.ConfirmedHeight is null)
            {
                store.SetConfirmed(latest.Sequence, (await siad.GetConsensusAsync(cancellationToken)).Height);
            }

            return true;
        }

        store.SetConfirmed(latest.Sequence, null);
        // Funded earlier: the funding service keeps resubmitting it. Never funded (a crash in between): fund the same entry now.
        var pending = wallet.IsPending(latest.TransactionId);
        if (!pending)
        {
            await FundAndSubmitAsync(latest.Sequence, latest.Entry, cancellationToken);
            LogResubmitted(logger, latest.Sequence);
        }

        return false;
    }

    private async Task<Hash256> NetworkAsync(CancellationToken cancellationToken) =>
        (await siad.GetBlockAsync(0, cancellationToken) ?? throw new OfferException("siad has no genesis block")).Id;

    private async Task<SiaPublicKey?> HostKeyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AnnounceSiaHost)
        {
            return null;
        }

        try
        {
            return (await siad.GetHostAsync(cancellationToken)).PublicKey;
        }
        catch (SiadException)
        {
            return null;
        }
    }

    private async Task AnnounceSiaHostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await siad.AnnounceHostAsync(options.Value.HostNetAddress, cancellationToken);
            LogHostAnnounced(logger, options.Value.HostNetAddress ?? "");
        }
        catch (SiadException e)
        {
            LogProblem(logger, $"siad's /host/announce failed: {e.Message}", 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced {Kind} sequence {Sequence}, valid until height {ExpiryHeight}")]
    private static partial void LogAnnounced(ILogger logger, string kind, ulong sequence, ulong expiryHeight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcement sequence {Sequence} was not on chain; submitted it again")]
    private static partial void LogResubmitted(ILogger logger, ulong sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "siad announced its host at {NetAddress}")]
    private static partial void LogHostAnnounced(ILogger logger, string netAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing: {Problem}; next attempt in {Seconds} s")]
    private static partial void LogProblem(ILogger logger, string problem, double seconds);
}
