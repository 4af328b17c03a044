/** Implementation details of the hand-written layer; not API, may change in any release. */
package io.zenapi.zendesk.internal;
