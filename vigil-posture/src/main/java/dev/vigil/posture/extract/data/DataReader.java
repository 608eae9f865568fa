package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;

/** Reads one CloudFormation resource type into a {@link DataResource}. */
interface DataReader {

    /** The data resource for the resource behind {@code p}. */
    DataResource read(Props p);
}
