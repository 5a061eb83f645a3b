-- Every live event is announced on commit, so other instances can relay it to their browsers.
CREATE FUNCTION agentdesk_live_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('agentdesk_live', NEW.id::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER live_events_notify AFTER INSERT ON live_events
    FOR EACH ROW EXECUTE FUNCTION agentdesk_live_notify();
